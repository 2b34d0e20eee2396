//! Server functions: the dashboard's public surface, one verb-named function per file.

pub mod system;

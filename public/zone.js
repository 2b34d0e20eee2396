// Tells the dashboard the browser's time zone (an IANA name) once, in the `tz` cookie, and shows
// the page again in it. Loaded only by pages rendered before the zone was known.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || /(^|;\s*)tz=/.test(document.cookie)) return;
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
  if (zone !== "UTC" && zone !== "Etc/UTC") location.reload();
})();

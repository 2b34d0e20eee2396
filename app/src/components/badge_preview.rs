//! How a badge looks where chat users meet it: the pill beside a name in a message (with its
//! picture and tooltip), and the welcome card shown on entering the chat. All text is escaped;
//! values from upstream are untrusted: colours reach `style` only as parsed hex, pictures reach
//! `src` only as http(s) addresses (or the sandbox's own), and anything else is shown as text
//! with a warning.

use crate::model::color::{MIN_CONTRAST, contrast_ratio, to_six_digit_hex};
use crate::model::validate::is_picture_url;
use leptos::prelude::*;

/// The style a pill is drawn with: only a colour that parses as hex is written into it,
/// re-formatted from its parts.
fn pill_style(background: &str, color: &str) -> String {
    let mut style = String::new();
    if let Some(hex) = to_six_digit_hex(background) {
        style.push_str(&format!("background-color: {hex};"));
    }
    if let Some(hex) = to_six_digit_hex(color) {
        style.push_str(&format!(" color: {hex};"));
    }
    style
}

/// Why a pill is not drawn as sent (colours that are not hex, a picture that is no http(s)
/// address): the warning's sentence, or `None`.
fn pill_problems(background: &str, color: &str, pic: &str) -> Option<String> {
    let mut problems: Vec<String> = [("background", background), ("text", color)]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty() && to_six_digit_hex(value).is_none())
        .map(|(which, value)| format!("{which} colour “{value}” is not a hex colour"))
        .collect();
    if !pic.trim().is_empty() && !is_picture_url(pic) {
        problems.push(format!("picture “{pic}” is not an http(s) address"));
    }
    (!problems.is_empty()).then(|| format!("Not drawn as sent: {}.", problems.join("; ")))
}

/// The warning beside a pill that is not drawn as sent.
fn pill_warning(problems: Option<String>) -> impl IntoView {
    problems.map(|sentence| {
        view! { <span class="warning warning--inline" role="note" data-testid="unsafe-value">{sentence}</span> }
    })
}

/// The badge pill itself, following the signals it is given (the editor's live preview).
#[component]
pub fn BadgePill(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] background: Signal<String>,
    #[prop(into)] color: Signal<String>,
    #[prop(into)] pic: Signal<String>,
    #[prop(into)] tooltip: Signal<String>,
) -> impl IntoView {
    let style = move || background.with(|b| color.with(|c| pill_style(b, c)));
    view! {
        <span class="badge-pill" style=style title=move || tooltip.get() data-testid="badge-pill">
            {move || {
                let pic = pic.get();
                is_picture_url(&pic).then(|| view! { <img class="badge-pill__pic" src=pic alt="" /> })
            }}
            <span>{move || text.get()}</span>
        </span>
        {move || pill_warning(background.with(|b| color.with(|c| pic.with(|p| pill_problems(b, c, p)))))}
    }
}

/// A badge as it is, drawn once: the same pill as [`BadgePill`] for lists and pages, where nothing
/// changes after the server draws it, without a component or a signal per value (a list of badges
/// made a hundred of them per page).
pub fn badge_pill(
    text: String,
    background: &str,
    color: &str,
    pic: String,
    tooltip: String,
) -> impl IntoView + use<> {
    let problems = pill_problems(background, color, &pic);
    let style = pill_style(background, color);
    let pic =
        is_picture_url(&pic).then(|| view! { <img class="badge-pill__pic" src=pic alt="" /> });
    view! {
        <span class="badge-pill" style=style title=tooltip data-testid="badge-pill">
            {pic}
            <span>{text}</span>
        </span>
        {pill_warning(problems)}
    }
}

/// A chat message by a user wearing the badge, its tooltip shown below as on hover.
#[component]
pub fn ChatPreview(children: Children, #[prop(into)] tooltip: Signal<String>) -> impl IntoView {
    view! {
        <div class="chat-preview" aria-label="The badge in a chat message">
            <div class="chat-message">
                <span class="chat-avatar" aria-hidden="true">"A"</span>
                <div>
                    <div class="chat-author">"alex_fan " {children()}</div>
                    <p class="chat-text">"What a goal! 🔥"</p>
                </div>
            </div>
            <div class="chat-tooltip" data-testid="badge-tooltip" role="tooltip"
                aria-label=move || tooltip.get().trim().is_empty().then_some("Tooltip (empty)")>
                {move || tooltip.get()}
            </div>
        </div>
    }
}

/// The welcome message a user gets on entering the chat with the badge.
/// A picture from upstream: shown only from an http(s) address (or the sandbox's own); anything
/// else is said as text with a warning, never put into `src`.
#[component]
pub fn SafePicture(
    #[prop(into)] pic: Signal<String>,
    class: &'static str,
    /// What an empty address shows.
    empty: &'static str,
) -> impl IntoView {
    move || {
        let pic = pic.get();
        let blank = format!("{class} {class}--empty");
        if pic.trim().is_empty() {
            view! { <div class=blank>{empty}</div> }.into_any()
        } else if is_picture_url(&pic) {
            view! { <img class=class src=pic alt="" /> }.into_any()
        } else {
            view! {
                <div class=format!("{blank} warning") role="note" data-testid="unsafe-value">
                    {format!("Picture not shown: “{pic}” is not an http(s) address.")}
                </div>
            }
            .into_any()
        }
    }
}

#[component]
pub fn WelcomeCard(
    #[prop(into)] pic: Signal<String>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="welcome-card" data-testid="welcome-card" aria-label="The welcome message">
            <SafePicture pic class="welcome-card__pic" empty="No picture" />
            <h3 data-testid="welcome-title">{move || title.get()}</h3>
            <p data-testid="welcome-text">{move || text.get()}</p>
        </div>
    }
}

/// The WCAG contrast of the badge's text on its background, warned under 4.5:1.
#[component]
pub fn ContrastNote(
    #[prop(into)] background: Signal<String>,
    #[prop(into)] color: Signal<String>,
) -> impl IntoView {
    move || {
        match contrast_ratio(&color.get(), &background.get()) {
        None => view! { <p class="contrast muted" data-testid="contrast">"Contrast: enter two hex colours."</p> }.into_any(),
        Some(ratio) if ratio < MIN_CONTRAST => view! {
            <p class="contrast contrast--low" data-testid="contrast" role="status">
                {format!("Contrast {ratio:.1}:1 — below 4.5:1, hard to read for many people.")}
            </p>
        }
        .into_any(),
        Some(ratio) => view! {
            <p class="contrast contrast--ok" data-testid="contrast">{format!("Contrast {ratio:.1}:1 — readable (WCAG AA).")}</p>
        }
        .into_any(),
    }
    }
}

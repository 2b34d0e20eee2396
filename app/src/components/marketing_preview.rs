//! How an offer or advertisement looks to chat users, drawn from the exact payload that will be
//! sent: in the feed and as a pop-up side by side, a winshare as the win message in a chat, and
//! the click `postMessage` integrators receive. Text is escaped; only valid colours reach a style
//! and only http(s) addresses reach an `href` or `src` (a `src` may also be the sandbox's own).

use crate::model::advertisement::{AdLanguage, AdvertisementInput, TEMPLATE_WINSHARE};
use crate::model::offer::{OfferInput, TEMPLATE_IMAGE, TemplateData, is_css_angle};
use crate::model::validate::{is_css_color, is_http_url, is_picture_url};
use leptos::prelude::*;

/// What one widget shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardContent {
    pub title: String,
    pub text: String,
    pub link: String,
    pub link_text: String,
    pub pic: String,
}

impl CardContent {
    fn of_language(entry: &AdLanguage) -> Self {
        CardContent {
            title: entry.title.clone(),
            text: entry.text.clone(),
            link: entry.link.clone(),
            link_text: entry.link_text.clone(),
            pic: entry.pic.clone().unwrap_or_default(),
        }
    }
}

/// The card's and the button's inline styles, built from valid values only.
pub fn card_styles(data: &TemplateData) -> (String, String) {
    let color = |value: &str, fallback: &str| {
        if is_css_color(value) {
            value.trim().to_owned()
        } else {
            fallback.to_owned()
        }
    };
    let from = data.gradient_from.as_deref().unwrap_or("");
    let to = data.gradient_to.as_deref().unwrap_or("");
    let background = if data.gradient
        && is_css_color(from)
        && is_css_color(to)
        && is_css_angle(&data.gradient_direction)
    {
        format!(
            "background: linear-gradient({}, {}, {});",
            data.gradient_direction.trim(),
            from.trim(),
            to.trim()
        )
    } else {
        format!("background: {};", color(&data.bg_color, "#ffffff"))
    };
    let align = match data.alignment.as_str() {
        "left" | "right" => data.alignment.as_str(),
        _ => "center",
    };
    let card = format!(
        "{background} color: {}; text-align: {align};",
        color(&data.text_color, "#000000")
    );
    let button = format!(
        "background: {}; color: {};",
        color(&data.btn_color, "#1890bf"),
        color(&data.btn_text_color, "#ffffff")
    );
    (card, button)
}

fn safe_url(value: &str) -> Option<String> {
    is_http_url(value).then(|| value.trim().to_owned())
}

/// A picture's address, as [`safe_url`] but also the sandbox's own pictures.
fn safe_pic(value: &str) -> Option<String> {
    is_picture_url(value).then(|| value.trim().to_owned())
}

/// The click message the chat posts to the host page for `link`.
pub fn click_payload(link: &str) -> String {
    let message = serde_json::json!({
        "type": "link",
        "body": { "action": "open", "data": { "link": link } }
    });
    serde_json::to_string_pretty(&message).unwrap_or_default()
}

/// One widget: a text card (title, text, button) or, for an image template, the picture.
#[component]
fn Card(content: CardContent, data: TemplateData, image_only: bool) -> impl IntoView {
    let href = safe_url(&content.link);
    let pic = safe_pic(&content.pic);
    if image_only {
        return view! {
            <a class="mk-card mk-card--image" href=href target="_blank" rel="noopener noreferrer" data-testid="mk-card">
                {match pic {
                    Some(src) => view! { <img src=src alt="Offer picture" /> }.into_any(),
                    None => view! { <span class="mk-card__missing">"No picture yet"</span> }.into_any(),
                }}
            </a>
        }
        .into_any();
    }
    let (card, button) = card_styles(&data);
    view! {
        <div class="mk-card" style=card data-testid="mk-card">
            {pic.map(|src| view! { <img class="mk-card__pic" src=src alt="" /> })}
            <strong class="mk-card__title">{content.title}</strong>
            <p class="mk-card__text">{content.text}</p>
            {(!content.link_text.is_empty()).then(|| view! {
                <a class="mk-card__button" style=button href=href target="_blank" rel="noopener noreferrer">{content.link_text}</a>
            })}
        </div>
    }
    .into_any()
}

/// A few chat messages around `children`, in the feed or under a pop-up.
#[component]
fn ChatFrame(popup: bool, children: Children) -> impl IntoView {
    let (caption, testid) = if popup {
        ("Pop-up", "pop-up")
    } else {
        ("In the feed", "in-feed")
    };
    let messages = || {
        view! {
            <div class="chat-message"><span class="chat-avatar" aria-hidden="true">"S"</span>
                <div><div class="chat-author">"sam_k"</div><p class="chat-text">"Kick-off in five!"</p></div></div>
            <div class="chat-message"><span class="chat-avatar" aria-hidden="true">"A"</span>
                <div><div class="chat-author">"alex_fan"</div><p class="chat-text">"Who wins tonight?"</p></div></div>
        }
    };
    let body = if popup {
        view! {
            <div class="mk-chat mk-chat--dimmed">{messages()}
                <div class="mk-popup" role="dialog" aria-label="Pop-up"><span class="mk-popup__close" aria-hidden="true">"×"</span>{children()}</div>
            </div>
        }
        .into_any()
    } else {
        view! { <div class="mk-chat">{messages()}<div class="mk-feed-item">{children()}</div></div> }.into_any()
    };
    view! {
        <figure class="mk-view" data-testid=testid>
            <figcaption>{caption}</figcaption>
            {body}
        </figure>
    }
}

/// The `postMessage` a click sends, for integrators.
#[component]
fn ClickPayload(link: String) -> impl IntoView {
    view! {
        <details class="mk-click">
            <summary>"Click message for integrators"</summary>
            <pre data-testid="click-payload">{click_payload(&link)}</pre>
        </details>
    }
}

/// In the feed and as a pop-up, side by side.
#[component]
fn BothViews(content: CardContent, data: TemplateData, image_only: bool) -> impl IntoView {
    let link = content.link.clone();
    let (feed_content, feed_data) = (content.clone(), data.clone());
    view! {
        <div class="mk-views">
            <ChatFrame popup=false><Card content=feed_content data=feed_data image_only /></ChatFrame>
            <ChatFrame popup=true><Card content data image_only /></ChatFrame>
        </div>
        <ClickPayload link />
    }
}

/// The exact request body, for the curious.
#[component]
pub fn PayloadView(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! {
        <details class="mk-payload">
            <summary>"Exactly what will be sent"</summary>
            <pre data-testid="payload">{move || text.get()}</pre>
        </details>
    }
}

/// An offer as chat users will see it.
#[component]
pub fn OfferPreview(#[prop(into)] payload: Signal<OfferInput>) -> impl IntoView {
    move || {
        let p = payload.get();
        let content = CardContent {
            title: p.title.unwrap_or_default(),
            text: p.text.unwrap_or_default(),
            link: p.link.unwrap_or_default(),
            link_text: p.link_text.unwrap_or_default(),
            pic: p.pic.unwrap_or_default(),
        };
        let data = p.template_data.unwrap_or_default();
        view! { <BothViews content data image_only=p.template == TEMPLATE_IMAGE /> }
    }
}

/// A winshare: the win posted into the chat as a message.
#[component]
fn WinMessage(entry: AdLanguage, user_id: Option<String>) -> impl IntoView {
    let who = user_id
        .filter(|u| !u.trim().is_empty())
        .map_or_else(|| "A player".to_owned(), |u| format!("User {u}"));
    let href = safe_url(&entry.link);
    let pic = entry.pic.as_deref().and_then(safe_pic);
    let link = entry.link.clone();
    view! {
        <figure class="mk-view" data-testid="win-message">
            <figcaption>"Win posted to the chat"</figcaption>
            <div class="mk-chat">
                <div class="chat-message"><span class="chat-avatar" aria-hidden="true">"S"</span>
                    <div><div class="chat-author">"sam_k"</div><p class="chat-text">"Come on!"</p></div></div>
                <div class="mk-win">
                    {pic.map(|src| view! { <img class="mk-win__pic" src=src alt="" /> })}
                    <div>
                        <span class="mk-win__trophy" aria-hidden="true">"🏆 "</span>
                        <strong>{who}</strong>" "
                        <a href=href target="_blank" rel="noopener noreferrer">{entry.link_text.clone()}</a>
                        <div class="mk-win__game">{entry.title.clone()}" · "{entry.text.clone()}</div>
                    </div>
                </div>
            </div>
        </figure>
        <ClickPayload link />
    }
}

/// An advertisement as chat users will see it, one block per language.
#[component]
pub fn AdPreview(#[prop(into)] payload: Signal<AdvertisementInput>) -> impl IntoView {
    move || {
        let p = payload.get();
        if p.data.is_empty() {
            return view! { <p class="muted">"Add a language to see the preview."</p> }.into_any();
        }
        p.data
            .iter()
            .map(|entry| {
                let lang = entry.lang.clone();
                let heading = format!(
                    "Language: {}",
                    if lang.is_empty() {
                        "(none yet)"
                    } else {
                        lang.as_str()
                    }
                );
                let body = if p.template == TEMPLATE_WINSHARE {
                    view! { <WinMessage entry=entry.clone() user_id=p.user_id.clone() /> }
                        .into_any()
                } else {
                    let content = CardContent::of_language(entry);
                    let data = TemplateData::default();
                    view! { <BothViews content data image_only=p.template == TEMPLATE_IMAGE /> }
                        .into_any()
                };
                view! {
                    <section class="mk-lang" data-lang=lang>
                        <h3>{heading}</h3>
                        {body}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_take_valid_values_only() {
        let mut data = TemplateData {
            bg_color: "red; background-image: url(https://evil.example)".into(),
            text_color: "#123".into(),
            alignment: "left".into(),
            ..TemplateData::default()
        };
        let (card, _) = card_styles(&data);
        assert_eq!(card, "background: #ffffff; color: #123; text-align: left;");
        data.gradient = true;
        data.gradient_from = Some("#60e753".into());
        data.gradient_to = Some("rgba(1, 2, 3, 0.5)".into());
        data.gradient_direction = "135deg".into();
        let (card, _) = card_styles(&data);
        assert!(
            card.starts_with("background: linear-gradient(135deg, #60e753, rgba(1, 2, 3, 0.5));")
        );
    }

    #[test]
    fn the_click_message_is_the_documented_shape() {
        let v: serde_json::Value =
            serde_json::from_str(&click_payload("https://watchers.io")).unwrap();
        assert_eq!(v["type"], "link");
        assert_eq!(v["body"]["action"], "open");
        assert_eq!(v["body"]["data"]["link"], "https://watchers.io");
    }
}

//! The demo data a new sandbox starts with: badges (one chain among them), offers of both
//! templates, advertisements including a winshare, and rooms live, soon and ended. Its pictures
//! are the dashboard's own (`public/sandbox/`), so a rehearsal needs no outside host.

use super::store::{SandboxData, StoredAd, StoredBadge, StoredChain, StoredOffer, StoredRoom};
use chrono::{DateTime, Duration, Utc};
use dashboard_model::advertisement::{AdLanguage, AdvertisementInput, TEMPLATE_WINSHARE};
use dashboard_model::badge::{BadgeInput, BadgeTrigger};
use dashboard_model::loose::ExternalId;
use dashboard_model::offer::{OfferInput, TEMPLATE_IMAGE, TEMPLATE_TEXT, TemplateData};
use dashboard_model::room::RoomInput;
use dashboard_model::targeting::{AudienceType, ShowFrequency};
use dashboard_model::time::{format_iso, format_room_time};
use dashboard_model::validate::SANDBOX_PICTURES;

/// One of the sandbox's own pictures, `public/sandbox/<name>`, by its path on the dashboard.
pub fn picture(name: &str) -> String {
    format!("{SANDBOX_PICTURES}{name}")
}

fn badge(text: &str, bg: &str, fg: &str, tooltip: &str, title: &str, body: &str) -> BadgeInput {
    BadgeInput {
        text: text.into(),
        background_color: bg.into(),
        text_color: fg.into(),
        tooltip: tooltip.into(),
        communication_pic: None,
        communication_title: title.into(),
        communication_text: body.into(),
        ..Default::default()
    }
}

pub fn demo_data(now: DateTime<Utc>) -> SandboxData {
    let mut data = SandboxData::default();
    let stamp = format_iso(now);
    let add_badge =
        |data: &mut SandboxData, input: BadgeInput, users: u32, chain: Option<(i64, i64)>| {
            let id = data.take_id();
            let trigger_id = input.trigger.as_ref().map(|_| id);
            data.badges.insert(
                id,
                StoredBadge {
                    input,
                    users: (1..=users).map(|n| format!("user-{n}")).collect(),
                    trigger_id,
                    chain_id: chain.map(|c| c.0),
                    chain_position: chain.map(|c| c.1),
                    created_at: stamp.clone(),
                    updated_at: stamp.clone(),
                },
            );
        };

    let mut vip = badge(
        "⭐ VIP",
        "#ffd60a",
        "#1b1e2b",
        "Our most loyal fans",
        "Welcome, VIP!",
        "Thanks for being with us. Enjoy your VIP perks in every room.",
    );
    vip.pic = Some(picture("badge-vip.svg"));
    add_badge(&mut data, vip, 3, None);
    let mut newcomer = badge(
        "👋 New",
        "#2563eb",
        "#ffffff",
        "Said hello for the first time",
        "Welcome to the chat",
        "Say hi and meet the community.",
    );
    newcomer.trigger = Some(BadgeTrigger {
        first_message: Some(true),
        ..Default::default()
    });
    add_badge(&mut data, newcomer, 0, None);
    let mut chatty = badge(
        "💬 100",
        // Green-700: 5.0:1 against the white text (WCAG AA).
        "#15803d",
        "#ffffff",
        "Wrote 100 messages",
        "You are on fire",
        "A hundred messages! Keep the conversation going.",
    );
    chatty.trigger = Some(BadgeTrigger {
        message_count: Some(100),
        ..Default::default()
    });
    add_badge(&mut data, chatty, 1, None);

    let chain_id = data.take_id();
    data.chains.insert(
        chain_id,
        StoredChain {
            name: "Loyalty".into(),
        },
    );
    for (position, (text, bg)) in [
        ("Bronze", "#cd7f32"),
        ("Silver", "#c0c0c0"),
        ("Gold", "#ffd700"),
    ]
    .into_iter()
    .enumerate()
    {
        let input = badge(
            text,
            bg,
            "#000000",
            &format!("{text} loyalty level"),
            &format!("{text} level reached"),
            "Keep watching to reach the next level.",
        );
        add_badge(&mut data, input, 0, Some((chain_id, position as i64 + 1)));
    }

    let rooms = [
        (
            "main-stage",
            "Main stage",
            "Live commentary of tonight's match",
            None,
            None,
        ),
        (
            "tomorrow-preview",
            "Tomorrow's preview",
            "Pre-match talk with the hosts",
            Some(now + Duration::days(1)),
            Some(now + Duration::days(1) + Duration::hours(2)),
        ),
        (
            "yesterday-recap",
            "Yesterday's recap",
            "Highlights and chat",
            Some(now - Duration::days(1)),
            Some(now - Duration::days(1) + Duration::hours(2)),
        ),
    ];
    for (room_id, name, about, start, end) in rooms {
        data.rooms.insert(
            room_id.into(),
            StoredRoom {
                input: RoomInput {
                    room_id: room_id.into(),
                    name: name.into(),
                    about: about.into(),
                    is_speak: room_id == "main-stage",
                    start_time: start.map(format_room_time),
                    end_time: end.map(format_room_time),
                },
                manual_status: None,
            },
        );
    }

    let text_offer = OfferInput {
        template: TEMPLATE_TEXT,
        title: Some("Double odds tonight".into()),
        text: Some("Place a bet on the main match and get double odds.".into()),
        link: Some("https://www.watchers.io/".into()),
        link_text: Some("Bet now".into()),
        pic: None,
        template_data: Some(TemplateData {
            alignment: "center".into(),
            bg_color: "#736969".into(),
            btn_color: "#1890bf".into(),
            btn_text_color: "#fff".into(),
            text_color: "#000".into(),
            gradient: true,
            gradient_from: Some("#60e753".into()),
            gradient_to: Some("#e4efe7".into()),
            gradient_direction: "135deg".into(),
        }),
        start_time: format_iso(now - Duration::hours(1)),
        end_time: Some(format_iso(now + Duration::days(7))),
        external_room_ids: vec![],
        external_user_ids: vec![],
        show_multiple_times: false,
        show_frequency: ShowFrequency::Daily,
        show_delay_ms: 0,
        audience: AudienceType::Global,
    };
    let image_offer = OfferInput {
        template: TEMPLATE_IMAGE,
        title: None,
        text: None,
        link: Some("https://www.watchers.io/".into()),
        link_text: None,
        pic: Some(picture("offer-pitch.svg")),
        template_data: None,
        start_time: format_iso(now),
        end_time: None,
        external_room_ids: vec!["main-stage".into()],
        external_user_ids: vec![],
        show_multiple_times: true,
        show_frequency: ShowFrequency::OnEntry,
        show_delay_ms: 5000,
        audience: AudienceType::Room,
    };
    for input in [text_offer, image_offer] {
        let id = data.take_id();
        data.offers.insert(
            id,
            StoredOffer {
                input,
                open_type: "NEW_WINDOW".into(),
            },
        );
    }

    let lang = |lang: &str, title: &str, text: &str, link_text: &str, pic: &str| AdLanguage {
        lang: lang.into(),
        title: title.into(),
        text: text.into(),
        link: "https://watchers.io/".into(),
        link_text: link_text.into(),
        pic: Some(pic.into()),
    };
    let pic = picture("ad-season-pass.svg");
    let pic = pic.as_str();
    let ads = [
        AdvertisementInput {
            template: 2,
            open_type: Some("NEW_WINDOW".into()),
            data: vec![
                lang(
                    "en",
                    "Season pass",
                    "All matches, one pass.",
                    "Learn more",
                    pic,
                ),
                lang(
                    "es",
                    "Pase de temporada",
                    "Todos los partidos, un pase.",
                    "Más información",
                    pic,
                ),
            ],
            external_room_ids: vec![ExternalId::from("main-stage")],
            ..Default::default()
        },
        AdvertisementInput {
            template: TEMPLATE_WINSHARE,
            data: vec![lang(
                "en",
                "Release the kraken",
                "multiplier",
                "won 234$",
                pic,
            )],
            external_room_ids: vec![ExternalId::from("main-stage")],
            user_id: Some("123".into()),
            ..Default::default()
        },
    ];
    // The first went out two hours before the demo set was made, so its counters have grown.
    let two_hours_ago = format_iso(now - Duration::hours(2));
    for (created_at, input) in [
        (two_hours_ago, ads[0].clone()),
        (stamp.clone(), ads[1].clone()),
    ] {
        let id = data.take_id();
        data.ads.insert(id, StoredAd { input, created_at });
    }
    data.excluded_users.insert("opted-out-user".into());
    for badge in super::tagmango::demo_badges(now) {
        data.tagmango.insert(badge.id.clone(), badge);
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use dashboard_model::validate::{FieldError, is_picture_url};

    /// Every picture the demo data names is one the dashboard serves (`public/sandbox/`), and
    /// the rules the sandbox checks edits by accept it.
    #[test]
    fn the_demo_pictures_are_the_dashboards_own() {
        let data = demo_data(Utc::now());
        let mut pics: Vec<String> = vec![];
        let mut problems: Vec<FieldError> = vec![];
        for badge in data.badges.values() {
            pics.extend(badge.input.pic.clone());
            problems.extend(badge.input.validate().into_vec());
        }
        for offer in data.offers.values() {
            pics.extend(offer.input.pic.clone());
            problems.extend(offer.input.validate().into_vec());
        }
        for ad in data.ads.values() {
            pics.extend(ad.input.data.iter().filter_map(|l| l.pic.clone()));
            problems.extend(ad.input.validate().into_vec());
        }
        for badge in data.tagmango.values() {
            pics.extend(
                badge
                    .fields
                    .get("imageUrl")
                    .and_then(|v| v.as_str())
                    .map(String::from),
            );
        }
        assert_eq!(pics.len(), 6, "{pics:?}");
        let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
        for pic in &pics {
            assert!(
                pic.starts_with(SANDBOX_PICTURES) && is_picture_url(pic),
                "{pic}"
            );
            assert!(public.join(&pic[1..]).is_file(), "{pic} is not in public/");
        }
        let about_pictures: Vec<_> = problems
            .iter()
            .filter(|p| p.field.to_ascii_lowercase().ends_with("pic"))
            .collect();
        assert!(about_pictures.is_empty(), "{about_pictures:?}");
    }
}

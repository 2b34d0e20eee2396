//! The TagMango badge editor, drawn on the server and brought to life by the live island: name,
//! description and image, automation as one choice of three (by hand, a points threshold, or
//! subscription to mangoes), checked as you type with the rules the server applies, and a live
//! preview of the card members see. It posts as a plain form; a refused post comes back as typed.

use super::badge_preview::SafePicture;
use super::live::{Editor, Field, counter, live_answer, problem, readiness, refused_at};
use crate::api::tagmango::{CreateMangoBadge, LiveMangoBadge, UpdateMangoBadge};
use crate::error::AppError;
use crate::model::tagmango::{DESCRIPTION_MAX, MangoBadgeForm, MangoList, NAME_MAX};
use crate::model::validate::Problems;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The form's element id, which the island finds it by.
const FORM_ID: &str = "mango-form";

const NAME: Field = Field {
    max: Some(NAME_MAX),
    ..Field::text("Name", "form[name]", "mango-name", "name")
};
const DESCRIPTION: Field = Field {
    kind: "textarea",
    max: Some(DESCRIPTION_MAX),
    ..Field::text(
        "Description (optional)",
        "form[description]",
        "mango-description",
        "description",
    )
};
const IMAGE: Field = Field::text(
    "Image (https address, optional)",
    "form[image_url]",
    "mango-image",
    "imageUrl",
);
const POINTS: Field = Field {
    kind: "number",
    picks: Some("mango-automation-points"),
    ..Field::text(
        "Points threshold",
        "form[points_threshold]",
        "mango-points",
        "pointsThreshold",
    )
};
const CATEGORY: Field = Field {
    hint: Some("“lifetime” unless your points are kept per category."),
    picks: Some("mango-automation-points"),
    ..Field::text(
        "Point category",
        "form[point_category]",
        "mango-category",
        "pointCategoryForAutomation",
    )
};
const MANGOES: Field = Field {
    kind: "textarea",
    picks: Some("mango-automation-mangoes"),
    ..Field::text(
        "Mango ids (24 characters each; commas, spaces or one per line)",
        "form[mangoes]",
        "mango-mangoes",
        "automationEnabledMangoes",
    )
};

/// The editor holding `form` (new, the badge's, or as typed in a refused post, `refused`): a new
/// badge's, or badge `id`'s when given.
#[component]
pub fn MangoBadgeEditor(
    form: MangoBadgeForm,
    id: Option<String>,
    refused: Option<AppError>,
) -> impl IntoView {
    let problems = form.to_input().err().unwrap_or_default();
    let refused = refused.as_ref();
    let landed = |wire: &str| refused_at(wire, refused, &problems);
    let (action, submit, cancel) = match &id {
        Some(id) => (
            UpdateMangoBadge::PATH,
            "Save changes",
            format!("/badges/tagmango/{id}"),
        ),
        None => (
            CreateMangoBadge::PATH,
            "Create badge",
            "/badges/tagmango".to_owned(),
        ),
    };
    let editor = Editor {
        form_id: FORM_ID,
        action,
        answer: LiveMangoBadge::PATH,
        id,
        submit,
        cancel,
        readiness: readiness(&problems, READY, "first"),
    };
    let choice = |value: &'static str, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="form[automation]" value=value id=format!("mango-automation-{value}")
                    checked=form.automation == value data-wire="enableAutomation" />
                " " {label}
            </label>
        }
    };
    let fields = view! {
                    <fieldset class="panel">
                        <legend>"Badge"</legend>
                        {NAME.draw(&form.name, landed(NAME.wire))}
                        {DESCRIPTION.draw(&form.description, landed(DESCRIPTION.wire))}
                        {IMAGE.draw(&form.image_url, landed(IMAGE.wire))}
                    </fieldset>
                    <fieldset class="panel">
                        <legend>"Automatic assignment (one type at a time)"</legend>
                        <div class="choice-block">{choice("none", "By hand only")}</div>
                        <div class="choice-block">
                            {choice("points", "When a member's points reach a threshold")}
                            <div class="choice-fields">
                                {POINTS.draw(&form.points_threshold, landed(POINTS.wire))}
                                {CATEGORY.draw(&form.point_category, landed(CATEGORY.wire))}
                            </div>
                        </div>
                        <div class="choice-block">
                            {choice("mangoes", "When a member subscribes to any of these mangoes")}
                            <div class="choice-fields">
                                {MANGOES.draw(&form.mangoes, landed(MANGOES.wire))}
                                <p class="muted" data-testid="mango-count" data-live="mango-count">{mango_count(&form)}</p>
                            </div>
                        </div>
                        {problem("enableAutomation", landed("enableAutomation"))}
                        <p class="field__hint">"Automatic assignment may take a while to reach members after saving."</p>
                    </fieldset>
    };
    let preview = view! { <div data-live="card">{card(&form)}</div> };
    editor.draw(refused, fields.into_any(), preview.into_any())
}

/// What the preview says when nothing is in the way.
const READY: &str = "Ready to save.";

/// "1 mango (1 repeat dropped)" under the mango ids, once some are typed.
fn mango_count(form: &MangoBadgeForm) -> Option<String> {
    (!form.mangoes.trim().is_empty()).then(|| MangoList::parse(&form.mangoes).summary())
}

/// The card of the form as typed.
fn card(form: &MangoBadgeForm) -> impl IntoView + use<> {
    let (name, description, image) = (
        form.name.clone(),
        form.description.clone(),
        form.image_url.clone(),
    );
    view! { <MangoCard name description image /> }
}

/// The live answer to the editor's form as typed: the card, the counts, the readiness and the
/// problems.
pub fn live_parts(form: MangoBadgeForm) -> String {
    let problems: Problems = form.to_input().err().unwrap_or_default();
    let regions = vec![
        ("card", card(&form).into_any()),
        ("readiness", readiness(&problems, READY, "first").into_any()),
        ("mango-count", mango_count(&form).into_any()),
        (
            "count-name",
            counter("name", &form.name, NAME_MAX).into_any(),
        ),
        (
            "count-description",
            counter("description", &form.description, DESCRIPTION_MAX).into_any(),
        ),
    ];
    live_answer(regions, &problems)
}

/// The badge card as members see it on TagMango: image, name, description.
#[component]
pub fn MangoCard(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] image: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="mango-card" data-testid="mango-card" aria-label="The badge card">
            <SafePicture pic=image class="mango-card__image" empty="No image" />
            <h3 class="mango-card__name" data-testid="mango-card-name">{move || name.get()}</h3>
            <p class="mango-card__description" data-testid="mango-card-description">{move || description.get()}</p>
        </div>
    }
}

//! The TagMango badge editor: name, description and image, automation as one choice of three
//! (by hand, a points threshold, or subscription to mangoes), checked as you type with the rules
//! the server applies, and a live preview of the card members see. Posts as a plain form too.

use super::badge_preview::SafePicture;
use super::field::{FieldProblems, FormState, TextField};
use super::form::{FormActions, Outcome, outcome};
use super::island::mark_ready;
use crate::api::tagmango::{CreateMangoBadge, UpdateMangoBadge};
use crate::model::tagmango::{DESCRIPTION_MAX, MangoBadgeForm, MangoList, NAME_MAX};
use leptos::prelude::*;

/// The editor's field readers and writers, as plain function pointers: one instance of
/// `TextField` serves every field (each closure type would be another copy in the bundle).
type FieldGet = fn(&MangoBadgeForm) -> String;
type FieldSet = fn(&mut MangoBadgeForm, String);

/// One of the three automation choices, with its own fields inside.
#[component]
fn Choice(
    form: RwSignal<MangoBadgeForm>,
    state: FormState,
    value: &'static str,
    label: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let initial = form.with_untracked(|f| f.automation == value);
    view! {
        <div class="choice-block">
            <label class="choice">
                <input type="radio" name="form[automation]" value=value checked=initial
                    prop:checked=move || form.with(|f| f.automation == value)
                    on:change=move |_| { form.update(|f| f.automation = value.into()); state.touch("enableAutomation") } />
                " " {label}
            </label>
            {children.map(|c| c())}
        </div>
    }
}

/// The editor's fields and preview. `children` is the submit area (inside the form).
#[component]
pub fn MangoBadgeEditor(
    form: RwSignal<MangoBadgeForm>,
    result: Outcome,
    children: Children,
) -> impl IntoView {
    let problems = Memo::new(move |_| form.with(|f| f.to_input().err().unwrap_or_default()));
    let state = FormState::new(problems, result);
    let field = move |get: fn(&MangoBadgeForm) -> &String| {
        Signal::derive(move || form.with(|f| get(f).clone()))
    };
    let mango_count = move || {
        form.with(|f| {
            let list = MangoList::parse(&f.mangoes);
            (!f.mangoes.trim().is_empty()).then(|| list.summary())
        })
    };
    view! {
        <div class="editor">
            <div class="editor__form">
                <fieldset class="panel">
                    <legend>"Badge"</legend>
                    <TextField label="Name" name="form[name]" id="mango-name" wire="name" form state max=NAME_MAX
                        get=(|f| f.name.clone()) as FieldGet set=(|f, v| f.name = v) as FieldSet />
                    <TextField label="Description (optional)" name="form[description]" id="mango-description" wire="description"
                        form state max=DESCRIPTION_MAX kind="textarea"
                        get=(|f| f.description.clone()) as FieldGet set=(|f, v| f.description = v) as FieldSet />
                    <TextField label="Image (https address, optional)" name="form[image_url]" id="mango-image" wire="imageUrl" form state
                        get=(|f| f.image_url.clone()) as FieldGet set=(|f, v| f.image_url = v) as FieldSet />
                </fieldset>
                <fieldset class="panel">
                    <legend>"Automatic assignment (one type at a time)"</legend>
                    <Choice form state value="none" label="By hand only" />
                    <Choice form state value="points" label="When a member's points reach a threshold">
                        <div class="choice-fields">
                            <TextField label="Points threshold" name="form[points_threshold]" id="mango-points" wire="pointsThreshold"
                                form state kind="number"
                                get=(|f| f.points_threshold.clone()) as FieldGet
                                set=(|f, v| { f.points_threshold = v; f.automation = "points".into() }) as FieldSet />
                            <TextField label="Point category" name="form[point_category]" id="mango-category" wire="pointCategoryForAutomation"
                                form state hint="“lifetime” unless your points are kept per category."
                                get=(|f| f.point_category.clone()) as FieldGet
                                set=(|f, v| { f.point_category = v; f.automation = "points".into() }) as FieldSet />
                        </div>
                    </Choice>
                    <Choice form state value="mangoes" label="When a member subscribes to any of these mangoes">
                        <div class="choice-fields">
                            <TextField label="Mango ids (24 characters each; commas, spaces or one per line)" name="form[mangoes]"
                                id="mango-mangoes" wire="automationEnabledMangoes" form state kind="textarea"
                                get=(|f| f.mangoes.clone()) as FieldGet
                                set=(|f, v| { f.mangoes = v; f.automation = "mangoes".into() }) as FieldSet />
                            <p class="muted" data-testid="mango-count">{mango_count}</p>
                        </div>
                    </Choice>
                    <FieldProblems state wire="enableAutomation" />
                    <p class="field__hint">"Automatic assignment may take a while to reach members after saving."</p>
                </fieldset>
                {children()}
            </div>
            <aside class="editor__preview" aria-label="Preview">
                <h2>"Preview"</h2>
                <MangoCard name=field(|f| &f.name) description=field(|f| &f.description) image=field(|f| &f.image_url) />
                <p class="muted" data-testid="problem-count">{state.readiness("Ready to save.")}</p>
            </aside>
        </div>
    }
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

/// An island: the new-badge form, posting to `CreateMangoBadge`.
#[island(lazy)]
pub fn NewMangoBadgeForm(form: MangoBadgeForm) -> impl IntoView {
    mark_ready();
    let create = ServerAction::<CreateMangoBadge>::new();
    let result = outcome(create.value());
    let form = RwSignal::new(form);
    view! {
        <ActionForm action=create attr:class="badge-form">
            <MangoBadgeEditor form result>
                <FormActions submit="Create badge" cancel="/badges/tagmango" result ok="Created." />
            </MangoBadgeEditor>
        </ActionForm>
    }
}

/// An island: the form over badge `id`, posting to `UpdateMangoBadge`.
#[island(lazy)]
pub fn EditMangoBadgeForm(form: MangoBadgeForm, id: String) -> impl IntoView {
    mark_ready();
    let update = ServerAction::<UpdateMangoBadge>::new();
    let result = outcome(update.value());
    let form = RwSignal::new(form);
    let cancel = format!("/badges/tagmango/{id}");
    view! {
        <ActionForm action=update attr:class="badge-form">
            <input type="hidden" name="id" value=id />
            <MangoBadgeEditor form result>
                <FormActions submit="Save changes" cancel result ok="Saved." />
            </MangoBadgeEditor>
        </ActionForm>
    }
}

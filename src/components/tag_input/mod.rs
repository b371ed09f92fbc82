//! A tags field: type a tag and press Enter or a comma; Backspace in the empty field removes the
//! last one; each tag has its own remove button.

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::components::unique_id;
use crate::i18n::{t_string, use_i18n};

/// Longest tag DocSpace accepts.
pub const MAX_TAG_LEN: usize = 255;

/// Adds the tags in `text` (comma separated) to `tags`, skipping blanks and duplicates.
pub fn add_tags(tags: &mut Vec<String>, text: &str) {
    for t in text.split(',') {
        let t = t.trim();
        if !t.is_empty() && t.chars().count() <= MAX_TAG_LEN && !tags.iter().any(|x| x == t) {
            tags.push(t.to_string());
        }
    }
}

/// Binds `tags`; `suggestions` are offered while typing.
#[component]
pub fn TagInput(
    #[prop(into)] label: Signal<String>,
    tags: RwSignal<Vec<String>>,
    #[prop(optional, into)] suggestions: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("tags");
    let list_id = format!("{id}-list");
    let draft = RwSignal::new(String::new());
    let commit = move || {
        let text = draft.get_untracked();
        if !text.trim().is_empty() {
            tags.update(|t| add_tags(t, &text));
            draft.set(String::new());
        }
    };
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" | "," => {
            ev.prevent_default();
            commit();
        }
        "Backspace" if draft.with_untracked(String::is_empty) => {
            tags.update(|t| {
                t.pop();
            });
        }
        _ => {}
    };
    view! {
        <div class="field tags">
            <label class="field__label" for=id.clone()>{move || label.get()}</label>
            <div class="tags__box">
                <ul class="tags__chips" aria-label=move || t_string!(i18n, common.tags)>
                    <For each=move || tags.get() key=|t| t.clone() let:tag>
                        <li class="tags__chip">
                            <span>{tag.clone()}</span>
                            <button
                                type="button"
                                class="tags__remove"
                                aria-label={
                                    let tag = tag.clone();
                                    move || t_string!(i18n, components.tags.remove, tag = tag.clone()).to_string()
                                }
                                on:click={
                                    let tag = tag.clone();
                                    move |_| tags.update(|t| t.retain(|x| *x != tag))
                                }
                            >
                                <MarkIcon mark=Mark::Close/>
                            </button>
                        </li>
                    </For>
                </ul>
                <input
                    id=id
                    class="tags__input"
                    type="text"
                    list=list_id.clone()
                    autocomplete="off"
                    placeholder=move || t_string!(i18n, components.tags.placeholder)
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=on_keydown
                    on:blur=move |_| commit()
                />
            </div>
            <datalist id=list_id>
                {move || suggestions.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
            </datalist>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::add_tags;

    #[test]
    fn splits_trims_and_deduplicates() {
        let mut t = vec!["legal".to_string()];
        add_tags(&mut t, " legal, q3 ,, hr ");
        assert_eq!(t, ["legal", "q3", "hr"]);
        add_tags(&mut t, &"x".repeat(256));
        assert_eq!(t.len(), 3, "an overlong tag is not added");
    }
}

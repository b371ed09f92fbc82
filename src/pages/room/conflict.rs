//! The question DocSpace asks when a copy, a move or an upload meets entries of the same name in
//! the destination: overwrite, keep both or skip (its client's `ConflictResolveDialog` over the
//! shared `ConflictResolve` dialog). Overwrite is chosen to start with, as there.
//!
//! What each choice is said to do is what DocSpace's server does with it
//! (ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Core/Services/WCFService/FileOperations/FileMoveCopyOperation.cs`): a
//! folder of the same name is merged into with Overwrite and with Skip alike, each clash inside
//! resolved the same way; keep both gives a copy (and an upload) the first free numbered name,
//! while a move keeps its own name.

use docspace_api::models::ConflictResolve;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, Dialog, unique_id};
use crate::i18n::{Locale, t, td_string, use_i18n};
use crate::locale::{counted, text};

/// How many clashing names the dialog lists before "and N more".
const LISTED: usize = 5;

/// What clashes: the dialog's wording depends on it, as DocSpace's does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clash {
    /// The clashing titles, folders first.
    pub names: Vec<String>,
    /// Whether any of them is a folder (overwriting a folder merges the two).
    pub folders: bool,
    /// Whether any of them is a file.
    pub files: bool,
    /// Whether the entries are being moved (keep both then keeps their names).
    pub moving: bool,
}

impl Clash {
    /// The sentence above the choices, in `locale`.
    fn message(&self, locale: Locale) -> String {
        match (self.names.as_slice(), self.folders, self.files) {
            ([one], true, false) => {
                td_string!(locale, room.conflict.one_folder, name = one).to_string()
            }
            ([one], _, _) => td_string!(locale, room.conflict.one_file, name = one).to_string(),
            (_, true, false) => td_string!(locale, room.conflict.folders).into(),
            (_, false, _) => td_string!(locale, room.conflict.files).into(),
            _ => td_string!(locale, room.conflict.both).into(),
        }
    }

    /// The names to list (none for one clash, which the message names) and how many are left
    /// out.
    fn listed(&self) -> (Vec<String>, usize) {
        if self.names.len() < 2 {
            return (Vec::new(), 0);
        }
        let shown: Vec<String> = self.names.iter().take(LISTED).cloned().collect();
        let more = self.names.len() - shown.len();
        (shown, more)
    }

    /// Each choice with its label and what it does, by what clashes, in `locale`. Skip and
    /// Overwrite both merge a folder into the one of the same name (DocSpace's
    /// `FileMoveCopyOperation`); keeping both numbers a copy, while a moved entry keeps its name.
    fn choices(&self, locale: Locale) -> [(ConflictResolve, &'static str, &'static str); 3] {
        let overwrite = if self.folders {
            td_string!(locale, room.conflict.overwrite_folders)
        } else {
            td_string!(locale, room.conflict.overwrite_file)
        };
        let keep = match (self.folders, self.moving) {
            (_, true) => td_string!(locale, room.conflict.keep_moved),
            (true, false) => td_string!(locale, room.conflict.keep_folders),
            (false, false) => td_string!(locale, room.conflict.keep_file),
        };
        let skip = if self.folders {
            td_string!(locale, room.conflict.skip_folders)
        } else {
            td_string!(locale, room.conflict.skip_help)
        };
        [
            (
                ConflictResolve::Overwrite,
                td_string!(locale, room.conflict.overwrite),
                overwrite,
            ),
            (
                ConflictResolve::Duplicate,
                td_string!(locale, room.conflict.keep),
                keep,
            ),
            (
                ConflictResolve::Skip,
                td_string!(locale, room.conflict.skip),
                skip,
            ),
        ]
    }
}

/// The key a choice's radio button and test hooks use.
fn key(c: &ConflictResolve) -> &'static str {
    match c {
        ConflictResolve::Overwrite => "overwrite",
        ConflictResolve::Duplicate => "duplicate",
        _ => "skip",
    }
}

/// Asks what to do about `clash` while `open`; `on_choose` gets the answer. Closing the dialog
/// any other way (Cancel, Escape, the close button, the backdrop) runs `on_cancel`.
#[component]
pub fn ConflictDialog(
    open: RwSignal<bool>,
    #[prop(into)] clash: Signal<Clash>,
    on_choose: Callback<ConflictResolve>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Set only by the OK button, so that the dialog's closing tells a choice from a cancel.
    let chosen = StoredValue::new(false);
    let on_close = Callback::new(move |()| {
        if !chosen.get_value() {
            on_cancel.run(());
        }
        chosen.set_value(false);
    });
    view! {
        <Dialog open=open title=text!(i18n, room.conflict.title) on_close=on_close>
            <ConflictForm
                clash=clash.get_untracked()
                on_ok=Callback::new(move |c: ConflictResolve| {
                    chosen.set_value(true);
                    open.set(false);
                    on_choose.run(c);
                })
                on_cancel=Callback::new(move |()| open.set(false))
            />
        </Dialog>
    }
}

/// The dialog's content: what clashes, the three choices, OK and Cancel.
#[component]
fn ConflictForm(
    clash: Clash,
    on_ok: Callback<ConflictResolve>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choice = RwSignal::new(ConflictResolve::Overwrite);
    let group = unique_id("conflict");
    let legend = unique_id("conflict-legend");
    let (shown, more) = clash.listed();
    let clash = StoredValue::new(clash);
    let options = clash
        .with_value(|c| c.choices(Locale::en))
        .into_iter()
        .enumerate()
        .map(|(i, (value, _, _))| {
            let label = move || clash.with_value(|c| c.choices(i18n.get_locale())[i].1);
            let help = move || clash.with_value(|c| c.choices(i18n.get_locale())[i].2);
            let id = format!("{group}-{}", key(&value));
            let help_id = format!("{id}-help");
            let checked = value == ConflictResolve::Overwrite;
            let pick = value.clone();
            view! {
                <div class="conflict__option">
                    <input
                        type="radio"
                        id=id.clone()
                        name=group.clone()
                        value=key(&value)
                        checked=checked
                        aria-describedby=help_id.clone()
                        data-testid=format!("conflict-{}", key(&value))
                        on:change=move |_| choice.set(pick.clone())
                    />
                    <label for=id>
                        <span class="conflict__label">{label}</span>
                        <span class="conflict__help muted" id=help_id>{help}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_ok.run(choice.get_untracked());
    };
    view! {
        <form class="conflict" data-testid="conflict-dialog" on:submit=submit>
            <p data-testid="conflict-message">{move || clash.with_value(|c| c.message(i18n.get_locale()))}</p>
            <Show when={
                let empty = shown.is_empty();
                move || !empty
            }>
                <ul class="conflict__names" data-testid="conflict-names">
                    {shown.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                    {(more > 0).then(|| view! { <li class="muted">{move || counted!(i18n.get_locale(), more as u64, room.conflict.more)}</li> })}
                </ul>
            </Show>
            <fieldset class="conflict__choices">
                <legend id=legend>{t!(i18n, room.conflict.choose)}</legend>
                {options}
            </fieldset>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="conflict-ok">
                    <Button appearance=ButtonAppearance::Primary submit=true>{t!(i18n, common.ok)}</Button>
                </span>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clash(names: &[&str], folders: bool, files: bool) -> Clash {
        Clash {
            names: names.iter().map(|n| n.to_string()).collect(),
            folders,
            files,
            moving: false,
        }
    }

    #[test]
    fn one_clash_is_named_in_the_message() {
        let c = clash(&["a.docx"], false, true);
        assert_eq!(
            c.message(Locale::en),
            "The destination already contains a file named “a.docx”."
        );
        assert_eq!(c.listed(), (Vec::new(), 0));
        let f = clash(&["QA Folder"], true, false);
        assert!(f.message(Locale::en).contains("a folder named “QA Folder”"));
    }

    #[test]
    fn many_clashes_list_the_first_few_and_count_the_rest() {
        let names: Vec<String> = (1..=8).map(|i| format!("f{i}.txt")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let c = clash(&refs, true, true);
        assert!(c.message(Locale::en).contains("files and folders"));
        let (shown, more) = c.listed();
        assert_eq!(shown, names[..LISTED]);
        assert_eq!(more, 3);
    }

    #[test]
    fn every_language_words_each_clash() {
        for locale in [Locale::de, Locale::fr, Locale::es, Locale::ru] {
            let c = clash(&["a.docx"], false, true);
            assert!(c.message(locale).contains("a.docx"), "{locale:?}");
            assert_ne!(c.message(locale), c.message(Locale::en), "{locale:?}");
            assert_ne!(c.choices(locale)[1].1, "Keep both", "{locale:?}");
        }
    }

    #[test]
    fn overwriting_folders_says_it_merges() {
        let c = clash(&["A", "B"], true, false);
        assert!(c.choices(Locale::en)[0].2.contains("merged"));
        let f = clash(&["a", "b"], false, true);
        assert!(f.choices(Locale::en)[0].2.contains("new version"));
    }

    #[test]
    fn skipping_folders_says_they_merge_too() {
        let c = clash(&["A"], true, false);
        assert!(c.choices(Locale::en)[2].2.contains("merged"));
        let f = clash(&["a"], false, true);
        assert!(!f.choices(Locale::en)[2].2.contains("merged"));
    }

    #[test]
    fn keeping_both_numbers_a_copy_but_not_a_move() {
        let copy = clash(&["A"], true, false);
        assert!(copy.choices(Locale::en)[1].2.contains("number"));
        let moving = Clash {
            moving: true,
            ..clash(&["a"], false, true)
        };
        assert!(moving.choices(Locale::en)[1].2.contains("same name"));
    }
}

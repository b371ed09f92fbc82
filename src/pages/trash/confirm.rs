//! The Trash's confirmations, worded as DocSpace's: deleting selected entries forever, and
//! emptying the Trash (ONLYOFFICE/DocSpace-client: the `EmptyTrashDialog`, "Delete forever?").

use docspace_api::models::Entry;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, Dialog};
use crate::i18n::{Locale, t, td_string, use_i18n};
use crate::locale::{counted, text};

/// What is waiting to be confirmed.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Delete these entries for good.
    DeleteForever(Vec<Entry>),
    /// Delete everything in the Trash for good.
    EmptyTrash,
}

impl Confirm {
    fn note(&self, locale: Locale) -> String {
        match self {
            Confirm::DeleteForever(e) => match e.as_slice() {
                [one] => td_string!(locale, trash.confirm.one, title = one.title()).to_string(),
                many => counted!(locale, many.len() as u64, trash.confirm.many),
            },
            Confirm::EmptyTrash => td_string!(locale, trash.confirm.all).into(),
        }
    }
}

/// Asks before `pending` is done; `on_confirm` runs with it on "Delete forever".
#[component]
pub fn ConfirmDialog(
    pending: RwSignal<Option<Confirm>>,
    #[prop(into)] on_confirm: Callback<Confirm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(pending.with(Option::is_some)));
    let on_close = Callback::new(move |()| pending.set(None));
    let confirm = Callback::new(move |_| {
        if let Some(c) = pending.get_untracked() {
            pending.set(None);
            on_confirm.run(c);
        }
    });
    view! {
        <Dialog open=open title=text!(i18n, trash.confirm.title) on_close=on_close>
            <p data-testid="confirm-note">{move || pending.with(|p| p.as_ref().map(|c| c.note(i18n.get_locale())))}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| pending.set(None))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="confirm-delete-forever">
                    <Button appearance=ButtonAppearance::Danger on_click=confirm>{t!(i18n, trash.delete_forever)}</Button>
                </span>
            </div>
        </Dialog>
    }
}

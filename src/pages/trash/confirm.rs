//! The Trash's confirmations, worded as DocSpace's: deleting selected entries forever, and
//! emptying the Trash (ONLYOFFICE/DocSpace-client: the `EmptyTrashDialog`, "Delete forever?").

use docspace_api::models::Entry;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, Dialog};
use crate::pages::room::transfer::describe;

/// What is waiting to be confirmed.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Delete these entries for good.
    DeleteForever(Vec<Entry>),
    /// Delete everything in the Trash for good.
    EmptyTrash,
}

impl Confirm {
    fn note(&self) -> String {
        match self {
            Confirm::DeleteForever(e) => format!(
                "{} will be deleted forever. You won't be able to restore {}.",
                capitalised(&describe(e)),
                if e.len() == 1 { "it" } else { "them" }
            ),
            Confirm::EmptyTrash => {
                "All items from Trash will be deleted forever. You won't be able to restore them."
                    .into()
            }
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Asks before `pending` is done; `on_confirm` runs with it on "Delete forever".
#[component]
pub fn ConfirmDialog(
    pending: RwSignal<Option<Confirm>>,
    #[prop(into)] on_confirm: Callback<Confirm>,
) -> impl IntoView {
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
        <Dialog open=open title="Delete forever?" on_close=on_close>
            <p data-testid="confirm-note">{move || pending.with(|p| p.as_ref().map(Confirm::note))}</p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| pending.set(None))>"Cancel"</Button>
                <span data-testid="confirm-delete-forever">
                    <Button appearance=ButtonAppearance::Danger on_click=confirm>"Delete forever"</Button>
                </span>
            </div>
        </Dialog>
    }
}

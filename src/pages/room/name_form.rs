//! A one-field form for a name: new folder, new document, rename. The extension of a new file is
//! added for the user; the name is checked before anything is sent.

use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, TextField};
use crate::i18n::{Locale, t, td_string, use_i18n};
use crate::locale::Said;

/// Longest file or folder title DocSpace accepts, in UTF-16 units.
pub const NAME_MAX: usize = docspace_types::ENTRY_TITLE_MAX;

/// Characters DocSpace does not allow in titles.
const FORBIDDEN: &[char] = &['\\', '/', ':', '*', '?', '"', '<', '>', '|'];

/// Checks a file or folder name; the message is in `locale`.
pub fn check_name(name: &str, locale: Locale) -> Result<String, String> {
    let n = name.trim();
    if n.is_empty() {
        return Err(td_string!(locale, room.name.empty).into());
    }
    if let Some(c) = n.chars().find(|c| FORBIDDEN.contains(c)) {
        return Err(td_string!(locale, room.name.forbidden, c).to_string());
    }
    match docspace_types::check_title(n, NAME_MAX) {
        Ok(()) => {}
        Err(docspace_types::TitleError::ControlChar(_)) => {
            return Err(td_string!(locale, room.name.control).into());
        }
        Err(_) => {
            return Err(td_string!(locale, room.name.too_long, max = NAME_MAX).to_string());
        }
    }
    Ok(n.to_string())
}

/// The name form. `submit` gets the checked name and answers with the portal's refusal, if any.
#[component]
pub fn NameForm<F, Fut>(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] initial: String,
    #[prop(into)] action: Signal<String>,
    /// Shown after the field, e.g. ".docx".
    #[prop(optional, into)]
    suffix: Option<String>,
    submit: F,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), Said>> + 'static,
{
    let i18n = use_i18n();
    let name = RwSignal::new(initial);
    let tried = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let server_error = RwSignal::new(None::<Said>);
    let error = Signal::derive(move || {
        server_error.get().map(|e| e.shown()).or_else(|| {
            tried
                .get()
                .then(|| check_name(&name.get(), i18n.get_locale()).err())
                .flatten()
        })
    });
    let submit = std::sync::Arc::new(submit);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        server_error.set(None);
        if busy.get_untracked() {
            return;
        }
        let Ok(checked) = check_name(&name.get_untracked(), i18n.get_locale_untracked()) else {
            return;
        };
        busy.set(true);
        let fut = submit(checked);
        leptos::task::spawn_local(async move {
            if let Err(e) = fut.await {
                server_error.set(Some(e));
            }
            busy.set(false);
        });
    };
    view! {
        <form class="stack" on:submit=on_submit novalidate=true data-testid="name-form">
            <div class="name-form__field">
                <TextField label=label value=name required=true error=error/>
                {suffix.map(|s| view! { <span class="name-form__suffix muted">{s}</span> })}
            </div>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{move || action.get()}</Button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::check_name;
    use crate::i18n::Locale;

    #[test]
    fn names_are_checked_like_docspace_does() {
        assert_eq!(check_name(" Plans ", Locale::en).as_deref(), Ok("Plans"));
        assert!(check_name("", Locale::en).is_err());
        assert!(check_name("a/b", Locale::en).unwrap_err().contains('/'));
        assert!(check_name(&"n".repeat(166), Locale::en).is_err());
        // 83 emoji are 166 UTF-16 units, over DocSpace's 165.
        assert!(check_name(&"😀".repeat(82), Locale::en).is_ok());
        assert!(
            check_name(&"😀".repeat(83), Locale::en)
                .unwrap_err()
                .contains("165")
        );
    }
}

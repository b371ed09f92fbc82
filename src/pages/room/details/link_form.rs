//! The settings of a file's external link, as one form for creating and for changing a link:
//! access, name, expiry, password, no download, internal only. DocSpace replaces every option
//! when a link is changed, so the form always sends all of them, the password included.

use docspace_api::models::{ApiDateTime, FileShare, Share};
use leptos::prelude::*;

use crate::catalog::access_label;
use crate::components::{
    Button, ButtonAppearance, Checkbox, InputKind, Select, SelectOption, TextField,
};
use crate::i18n::{t, use_i18n};
use crate::locale::text;

/// A link's settings as the form holds them.
#[derive(Clone, PartialEq)]
pub struct LinkSettings {
    /// What the link grants.
    pub access: FileShare,
    /// Its name; empty for DocSpace's default.
    pub title: String,
    /// The last day it works (`yyyy-mm-dd`, in UTC); empty for no expiry.
    pub expires: String,
    /// Its password; empty for none. Held in memory only, never logged.
    pub password: String,
    /// Downloads through the link refused.
    pub deny_download: bool,
    /// Only signed-in portal users may use it.
    pub internal: bool,
}

// Hand-written so that the password never reaches a log through `{:?}`.
impl std::fmt::Debug for LinkSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkSettings")
            .field("access", &self.access)
            .field("title", &self.title)
            .field("expires", &self.expires)
            .field("password", &(!self.password.is_empty()).then_some("<set>"))
            .field("deny_download", &self.deny_download)
            .field("internal", &self.internal)
            .finish()
    }
}

impl LinkSettings {
    /// The settings `share`'s link has now.
    pub fn of(share: &Share) -> LinkSettings {
        let link = share.link();
        LinkSettings {
            access: share.access,
            title: link.map(|l| l.title.clone()).unwrap_or_default(),
            expires: link
                .and_then(|l| l.expiration_date)
                .filter(|d| !d.is_unset())
                .map(|d| d.in_utc().calendar_date())
                .unwrap_or_default(),
            password: link.and_then(|l| l.password.clone()).unwrap_or_default(),
            deny_download: link.is_some_and(|l| l.deny_download),
            internal: link.is_some_and(|l| l.internal),
        }
    }

    /// The expiry as the portal takes it: the end of the chosen day, UTC.
    pub fn expiry(&self) -> Result<Option<ApiDateTime>, docspace_api::Error> {
        let day = self.expires.trim();
        if day.is_empty() {
            return Ok(None);
        }
        ApiDateTime::parse(&format!("{day}T23:59:59")).map(Some)
    }
}

/// The form. `submit` receives the settings; the caller shows `error` (the portal's refusal)
/// and holds `busy` while the request runs.
#[component]
pub fn LinkForm(
    initial: LinkSettings,
    levels: Vec<FileShare>,
    action: &'static str,
    #[prop(into)] submit: Callback<LinkSettings>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    busy: RwSignal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let access = RwSignal::new(initial.access.value().to_string());
    let title = RwSignal::new(initial.title);
    let expires = RwSignal::new(initial.expires);
    let password = RwSignal::new(initial.password);
    let deny_download = RwSignal::new(initial.deny_download);
    let internal = RwSignal::new(initial.internal);
    let options = Signal::derive(move || {
        levels
            .iter()
            .map(|a| SelectOption::new(a.value().to_string(), access_label(*a, i18n.get_locale())))
            .collect()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Ok(level) = access.get_untracked().parse::<i32>() else {
            return;
        };
        submit.run(LinkSettings {
            access: FileShare::from(level),
            title: title.get_untracked(),
            expires: expires.get_untracked(),
            password: password.get_untracked(),
            deny_download: deny_download.get_untracked(),
            internal: internal.get_untracked(),
        });
    };
    view! {
        <form class="link-form" data-testid="file-link-form" on:submit=on_submit>
            <div class="link-form__row">
                <TextField label=text!(i18n, links.name) value=title/>
                <Select label=text!(i18n, members.access) value=access options=options/>
            </div>
            <div class="link-form__row">
                <div data-testid="link-expires"><TextField label=text!(i18n, links.expires) kind=InputKind::Date value=expires/></div>
                <div data-testid="link-password">
                    <TextField label=text!(i18n, links.password) kind=InputKind::Password autocomplete="new-password" hint=text!(i18n, links.password_hint) value=password/>
                </div>
            </div>
            <div class="link-form__row">
                <div data-testid="link-deny-download"><Checkbox label=text!(i18n, links.deny_download) checked=deny_download/></div>
                <div data-testid="link-internal"><Checkbox label=text!(i18n, links.internal) checked=internal/></div>
            </div>
            <p class="details__error" role="alert" data-testid="link-form-error" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
            <div class="dialog__actions">
                {on_cancel.map(|c| view! { <Button on_click=Callback::new(move |_| c.run(()))>{t!(i18n, common.cancel)}</Button> })}
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{action}</Button>
            </div>
        </form>
    }
}

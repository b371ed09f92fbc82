//! The signed-in user's DocSpace profile language, kept equal to the one chosen in the app.

use leptos::prelude::*;

use super::{Session, SessionState};

impl Session {
    /// Keeps the signed-in user's DocSpace profile language equal to the one they chose here
    /// (`chosen`, a DocSpace culture; `None`: no choice, the app follows the profile instead).
    ///
    /// DocSpace writes its messages, API errors included, in the profile's language
    /// (`common/ASC.Api.Core/Middleware/CultureMiddleware.cs` in ONLYOFFICE/DocSpace-server; no
    /// `Accept-Language`), so without this a portal's message would come in another language
    /// than the app's words around it. DocSpace's own language picker sets the profile the same
    /// way (`updateProfileCulture`, `packages/client/src/pages/Profile/…/main-profile` in
    /// ONLYOFFICE/DocSpace-client), and so do its frames with the `locale` they are given
    /// (`packages/client/src/pages/Home/Hooks/useSDK.js`), but only once one opens. A refusal
    /// (a token without `accounts:write`) leaves the profile as it is: the app's own words still
    /// follow the choice.
    ///
    /// The session's copy of the user is left as it is: a new one would re-render every page
    /// that reads the session (and undo what the reader was doing there); what was sent is
    /// remembered instead, so that a choice is sent once and the next is compared with it.
    pub fn keep_profile_language(&self, chosen: Signal<Option<String>>) {
        let session = *self;
        let sent = StoredValue::new(None::<(String, String)>);
        Effect::new(move |_| {
            let Some(culture) = chosen.get() else {
                return;
            };
            let Some((client, user)) = session.state.with(|s| match s {
                SessionState::SignedIn(s) => Some((s.client.clone(), s.user.clone())),
                _ => None,
            }) else {
                return;
            };
            // The profile's language now: the last one sent for this user, else the session's.
            let id = user.id.to_string();
            let profile = sent
                .with_value(|s| s.clone())
                .filter(|(who, _)| *who == id)
                .map(|(_, c)| c)
                .or(user.culture_name.clone());
            if same_language(profile.as_deref(), &culture) {
                return;
            }
            sent.set_value(Some((id, culture.clone())));
            leptos::task::spawn_local(async move {
                let _ = client.people().set_culture(&user.id, &culture).await;
            });
        });
    }
}

/// Whether a profile's culture (`de-DE`, `en-US`) is in the language of `culture`.
fn same_language(profile: Option<&str>, culture: &str) -> bool {
    let language = |c: &str| c.split(['-', '_']).next().map(str::to_ascii_lowercase);
    profile.is_some_and(|p| language(p) == language(culture))
}

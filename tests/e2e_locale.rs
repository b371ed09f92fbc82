//! End to end: the app in the reader's language. The browser's languages choose it before
//! sign-in, the DocSpace profile's language after, and the picker overrides both and is
//! remembered; `<html lang>`, sizes and the host's editor frame follow.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::*;

/// Makes the browser prefer `languages` (as its settings would): `navigator.languages` and
/// `Accept-Language` of the pages it opens next.
async fn prefer_languages(driver: &WebDriver, languages: &str) {
    let agent = js(driver, "return navigator.userAgent;").await;
    driver
        .cdp()
        .send_raw(
            "Emulation.setUserAgentOverride",
            serde_json::json!({ "userAgent": agent, "acceptLanguage": languages }),
        )
        .await
        .expect("override the browser's languages");
}

/// Waits until the element at `css` reads `want` (the language switches without a reload);
/// at most 20 s, then fails naming what it read last.
async fn reads(driver: &WebDriver, css: &str, want: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        last = text_of(driver, css).await.trim().to_string();
        if last == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let lang = js(driver, "return document.documentElement.lang;").await;
    panic!("{css} reads {last:?}, not {want:?} (html lang {lang})");
}

const SIGN_IN_TITLE: &str = ".sign-in h1";
const ROOMS_LINK: &str = "#nav-links a[href='/rooms']";

#[tokio::test(flavor = "multi_thread")]
async fn the_browsers_language_then_the_profiles_then_the_readers_choice_which_is_remembered() {
    let stack = Stack::start().await;
    let stack = &stack;
    with_browser(|driver| async move {
        driver.goto(stack.url()).await.expect("open app");
        prefer_languages(&driver, "fr-FR,fr").await;
        driver
            .goto(format!("{}/sign-in", stack.url()))
            .await
            .expect("open sign-in");
        // Before sign-in: the browser's language.
        reads(&driver, SIGN_IN_TITLE, "Se connecter à DocSpace").await;
        assert_eq!(
            js(&driver, "return document.documentElement.lang;").await,
            "fr"
        );
        // The submit button and the field labels too; an empty form names its problems in French.
        click(
            &driver,
            "[data-testid='sign-in-form'] button[type='submit']",
        )
        .await;
        reads(
            &driver,
            "[data-testid='sign-in-form'] .field__error:not([hidden])",
            "Saisissez votre adresse e-mail.",
        )
        .await;

        // Signed in: the profile's language (the devportal's owner has `cultureName` en-US).
        stack.sign_in_owner(&driver).await;
        reads(&driver, ROOMS_LINK, "Rooms").await;
        assert_eq!(
            js(&driver, "return document.documentElement.lang;").await,
            "en"
        );

        // The reader's choice wins, at once and after a reload.
        let picker = wait_for(&driver, "[data-testid='language-picker']").await;
        assert_eq!(
            picker.attr("aria-label").await.expect("attr").as_deref(),
            Some("Language")
        );
        click(
            &driver,
            "[data-testid='language-picker'] option[value='de']",
        )
        .await;
        reads(&driver, ROOMS_LINK, "Räume").await;
        assert_eq!(
            js(&driver, "return document.documentElement.lang;").await,
            "de"
        );
        // The rooms page's toolbar follows at once, labels and placeholders included.
        click(&driver, ROOMS_LINK).await;
        reads(&driver, "[data-testid='show-archived']", "Archiviert").await;
        reads(&driver, "[data-testid='show-templates']", "Vorlagen").await;
        assert_eq!(
            js(
                &driver,
                "return document.querySelector(\"[data-testid='rooms-search'] input\").placeholder;"
            )
            .await,
            "Nach Titel suchen"
        );
        assert_eq!(
            js(
                &driver,
                "return document.querySelector(\"[data-testid='filter-type'] option[value='']\").textContent;"
            )
            .await,
            "Alle Typen"
        );
        assert_eq!(
            wait_for(&driver, "[data-testid='language-picker']")
                .await
                .attr("aria-label")
                .await
                .expect("attr")
                .as_deref(),
            Some("Sprache")
        );
        let cookie = js(&driver, "return document.cookie;").await;
        assert!(
            cookie
                .as_str()
                .is_some_and(|c| c.contains("docspace-embed-locale=de")),
            "the choice is kept in a cookie the host can read: {cookie}"
        );
        driver.refresh().await.expect("reload");
        reads(&driver, ROOMS_LINK, "Räume").await;
        assert_eq!(
            js(
                &driver,
                "return document.querySelector(\"[data-testid='language-picker']\").value;"
            )
            .await,
            "de"
        );
        // A lazily loaded page works under another language too.
        click(&driver, "#nav-links a[href='/diagnostics']").await;
        wait_for(&driver, "[data-testid='diag-portal']").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_editor_page_from_the_host_starts_its_frame_in_the_chosen_language() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Locale room", docspace_api::models::RoomType::Custom).await;
    let file = api
        .files()
        .create(room.id.clone(), "Locale.docx")
        .send()
        .await
        .expect("file");
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        click(
            &driver,
            "[data-testid='language-picker'] option[value='fr']",
        )
        .await;
        reads(&driver, ROOMS_LINK, "Salles").await;
        // A new load of the editor route: the host bootstraps the frame from the cookie, and
        // the frame's address carries the same locale the app would give it.
        driver
            .goto(format!("{}/files/{}", stack.url(), file.id))
            .await
            .expect("open the file page");
        let src = eventually("the editor frame exists", || {
            let driver = driver.clone();
            async move {
                let v = js(
                    &driver,
                    "const f = document.querySelector('iframe'); return f ? f.src : null;",
                )
                .await;
                v.as_str().map(str::to_string)
            }
        })
        .await;
        assert!(src.contains("locale=fr"), "{src}");
        // The app names the frame in its language too (the host's page named it in English).
        attr_reads(&driver, "iframe", "title", "Éditeur de documents DocSpace").await;
    })
    .await;
}

/// Waits until the element at `css` has text that `fits` (the language switches without a
/// reload); at most 20 s, then fails naming what it read last.
async fn reads_like(driver: &WebDriver, css: &str, what: &str, fits: impl Fn(&str) -> bool) {
    let mut last = String::new();
    for _ in 0..100 {
        last = js(
            driver,
            &format!("const e = document.querySelector({css:?}); return e ? e.textContent : '';"),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .trim()
        .to_string();
        if fits(&last) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let lang = js(driver, "return document.documentElement.lang;").await;
    panic!("{css} should be {what}, but reads {last:?} (html lang {lang})");
}

/// Waits until the attribute `attr` of the element at `css` reads `want`.
async fn attr_reads(driver: &WebDriver, css: &str, attr: &str, want: &str) {
    let script = format!(
        "const e = document.querySelector({css:?}); return e ? e.getAttribute({attr:?}) : null;"
    );
    let mut last = serde_json::Value::Null;
    for _ in 0..100 {
        last = js(driver, &script).await;
        if last.as_str() == Some(want) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("{css} [{attr}] reads {last}, not {want:?}");
}

async fn pick_language(driver: &WebDriver, locale: &str) {
    click(
        driver,
        &format!("[data-testid='language-picker'] option[value='{locale}']"),
    )
    .await;
}

const CSP_SUMMARY: &str = "[data-testid='diag-csp'] [data-testid='diag-summary']";
const PORTAL_SUMMARY: &str = "[data-testid='diag-portal'] [data-testid='diag-summary']";
const FRAME_DIAGNOSIS: &str = "[data-testid='playground-frame'] .docspace-diagnostic__title";

#[tokio::test(flavor = "multi_thread")]
async fn findings_sdk_diagnoses_playground_hints_and_menus_change_language_in_place() {
    // The host acts with the owner's key, and the portal does not list the host's origin: the
    // CSP check and every frame fail with the SDK's diagnosis.
    let portal = devportal().await;
    let host = host(&portal.base_url(), Some(&portal.owner.api_key)).await;
    let url = host.base_url();
    let api = docspace_api::Client::builder(portal.base_url())
        .api_key(portal.owner.api_key.clone())
        .build()
        .expect("client");
    api.rooms()
        .create("Locale menu room", docspace_api::models::RoomType::Custom)
        .send()
        .await
        .expect("room");
    let url = &url;
    with_browser(|driver| async move {
        // Diagnostics: the findings, the SDK's diagnosis among them, and the checks' titles.
        driver
            .goto(format!("{url}/diagnostics"))
            .await
            .expect("open diagnostics");
        reads_like(
            &driver,
            CSP_SUMMARY,
            "the SDK's diagnosis in English",
            |t| t.starts_with("This site is not allowed to embed the portal: ") && t.contains(url),
        )
        .await;
        reads_like(&driver, PORTAL_SUMMARY, "an English finding", |t| {
            t.contains("answers its REST API and this browser")
        })
        .await;
        pick_language(&driver, "de").await;
        reads_like(&driver, CSP_SUMMARY, "the SDK's diagnosis in German", |t| {
            t.starts_with("Diese Website darf das Portal nicht einbetten: Websites, von denen aus ")
                && t.contains(url)
        })
        .await;
        reads_like(&driver, PORTAL_SUMMARY, "a German finding", |t| {
            t.contains("antwortet über seine REST-API und diesem Browser")
        })
        .await;
        reads(
            &driver,
            "[data-testid='diag-portal'] .diag__title",
            "Portal erreichbar",
        )
        .await;
        reads_like(
            &driver,
            "[data-testid='diag-csp'] [data-testid='diag-fix']",
            "the SDK's fix in German",
            |t| t.starts_with("Fügen Sie als DocSpace-Administrator "),
        )
        .await;
        reads_like(
            &driver,
            "[data-testid='diag-limits'] [data-testid='diag-summary']",
            "the rate limits counted in German",
            |t| t.contains("Diese App: ") && t.contains(" gesendet;"),
        )
        .await;

        // The playground: the frame's diagnosis panel (the sdk's component) and its event log.
        click(&driver, "#nav-links a[href='/playground']").await;
        reads(
            &driver,
            FRAME_DIAGNOSIS,
            "Diese Website darf das Portal nicht einbetten",
        )
        .await;
        pick_language(&driver, "fr").await;
        reads(
            &driver,
            FRAME_DIAGNOSIS,
            "Ce site n’est pas autorisé à intégrer le portail",
        )
        .await;
        reads(
            &driver,
            "[data-testid='playground-frame'] .docspace-diagnostic__retry",
            "Réessayer",
        )
        .await;
        // A mode that needs a file says so; the hint and the log follow the language.
        choose(&driver, "playground-mode", "editor").await;
        let hint = "[data-testid='playground-frame'] .empty-state__description";
        reads(
            &driver,
            hint,
            "Saisissez l’identifiant d’un fichier pour l’ouvrir.",
        )
        .await;
        reads(
            &driver,
            "[data-testid='playground-events'] li",
            "mode : Éditeur",
        )
        .await;
        reads(
            &driver,
            "[data-testid='playground-id'] label",
            "Identifiant du fichier",
        )
        .await;
        pick_language(&driver, "es").await;
        reads(
            &driver,
            hint,
            "Introduzca el id de un archivo para abrirlo.",
        )
        .await;
        reads(
            &driver,
            "[data-testid='playground-events'] li",
            "modo: Editor",
        )
        .await;

        // The rooms list: a row's menu (its name and its commands) and the list's name.
        click(&driver, "#nav-links a[href='/rooms']").await;
        let trigger = "[data-testid='room-row'] .menu__trigger";
        wait_for(&driver, trigger).await;
        let first_title = text_of(
            &driver,
            "[data-testid='room-row'] [data-testid='room-title']",
        )
        .await;
        attr_reads(
            &driver,
            trigger,
            "aria-label",
            &format!("Acciones de {first_title}"),
        )
        .await;
        pick_language(&driver, "ru").await;
        attr_reads(
            &driver,
            trigger,
            "aria-label",
            &format!("Действия: {first_title}"),
        )
        .await;
        attr_reads(&driver, ".vlist", "aria-label", "Комнаты").await;
        click(&driver, trigger).await;
        reads(&driver, "[data-testid='room-edit']", "Изменить…").await;
    })
    .await;
}

/// Switches the language through the picker by script: a modal dialog makes the rest of the
/// page inert to clicks, but a message in the dialog must follow a switch all the same.
async fn switch_by_script(driver: &WebDriver, locale: &str) {
    js(
        driver,
        &format!(
            "const s = document.querySelector(\"[data-testid='language-picker']\"); \
             s.value = {locale:?}; s.dispatchEvent(new Event('change', {{ bubbles: true }})); \
             return s.value;"
        ),
    )
    .await;
}

const TOAST_TITLE: &str = "[data-testid='toast'] [data-testid='toast-title']";
const TOAST_MESSAGE: &str = "[data-testid='toast'] [data-testid='toast-message']";
const FORM_ERROR: &str = "dialog[open] [data-testid='room-form-error']";
/// The devportal's message for a room that is gone (`load_room`), which the app keeps.
const ROOM_GONE: &str = "The room could not be found";

#[tokio::test(flavor = "multi_thread")]
async fn a_toast_and_an_inline_error_already_shown_are_reworded_and_the_profile_follows_the_choice()
{
    let stack = Stack::start().await;
    let api = stack.api();
    let mut gone = Vec::new();
    for title in ["Toast room", "Inline room"] {
        let room = new_room(&api, title, docspace_api::models::RoomType::Custom).await;
        gone.push(room.id);
    }
    let stack = &stack;
    let api = &api;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        wait_for(&driver, "button[aria-label='Actions for Inline room']").await;
        // Both rooms go behind the app's back: acting on them fails with the portal's 404.
        for id in gone {
            api.rooms()
                .delete(id)
                .send()
                .await
                .expect("delete the room");
        }

        // A toast: pinning the vanished room.
        row_action(&driver, "Toast room", "room-pin").await;
        reads(&driver, TOAST_TITLE, "Could not pin “Toast room”").await;
        reads(&driver, TOAST_MESSAGE, &format!("Not found: {ROOM_GONE}")).await;
        // An inline error: saving the other one from its form, in its dialog.
        row_action(&driver, "Inline room", "room-edit").await;
        click(&driver, "[data-testid='room-save'] button").await;
        reads(&driver, FORM_ERROR, &format!("Not found: {ROOM_GONE}")).await;

        // A switch re-words both in place; the portal's own words stay as they came.
        switch_by_script(&driver, "de").await;
        reads(&driver, ROOMS_LINK, "Räume").await;
        reads(&driver, FORM_ERROR, &format!("Nicht gefunden: {ROOM_GONE}")).await;
        reads(
            &driver,
            TOAST_TITLE,
            "„Toast room“ konnte nicht angeheftet werden",
        )
        .await;
        reads(
            &driver,
            TOAST_MESSAGE,
            &format!("Nicht gefunden: {ROOM_GONE}"),
        )
        .await;
        switch_by_script(&driver, "ru").await;
        reads(&driver, FORM_ERROR, &format!("Не найдено: {ROOM_GONE}")).await;
        reads(&driver, TOAST_TITLE, "Не удалось закрепить «Toast room»").await;

        // DocSpace answers in the profile's language, so the choice is made the profile's too
        // (what DocSpace's own language picker does).
        let me = eventually("the profile speaks the chosen language", || async {
            let me = api.people().me().await.ok()?;
            (me.culture_name.as_deref() == Some("ru")).then_some(me)
        })
        .await;
        assert_eq!(me.culture_name.as_deref(), Some("ru"));
    })
    .await;
}

//! A user's page: sign in, list the rooms over REST with `docspace-api`, pick a room in the
//! portal's room selector and open it in the portal's manager with `docspace-sdk`.
//!
//! Open it as `/?portal=https://docs.example.com` (the portal must list this page's origin in
//! its allowed domains: Developer Tools → JavaScript SDK).

use docspace_api::Client;
use docspace_sdk::components::{Manager, RoomSelector};
use docspace_sdk::{Item, ManagerConfig, RoomSelectorConfig};
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(App);
}

/// The portal named in the page's query.
fn portal_from_query() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("portal").filter(|p| !p.is_empty())
}

/// A picked room: its id and title.
#[derive(Clone, PartialEq)]
struct Picked {
    id: String,
    title: String,
}

#[component]
fn App() -> impl IntoView {
    let Some(portal) = portal_from_query() else {
        return view! { <p role="alert">"Name the portal: ?portal=https://docs.example.com"</p> }
            .into_any();
    };
    let rooms = RwSignal::new(None::<Vec<String>>);
    view! {
        <h1>"My rooms"</h1>
        {move || match rooms.get() {
            None => view! { <SignIn portal=portal.clone() rooms=rooms/> }.into_any(),
            Some(titles) => view! { <Rooms portal=portal.clone() titles=titles/> }.into_any(),
        }}
    }
    .into_any()
}

/// Signs in twice with one form: the REST client (`docspace-api`; the password is hashed in the
/// browser) and the frames (`docspace-sdk`'s system frame sets the portal's cookie), then lists
/// the rooms over REST.
#[component]
fn SignIn(portal: String, rooms: RwSignal<Option<Vec<String>>>) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let portal = portal.clone();
        let (e, p) = (email.get_untracked(), password.get_untracked());
        leptos::task::spawn_local(async move {
            match sign_in_and_list(&portal, &e, &p).await {
                Ok(titles) => rooms.set(Some(titles)),
                Err(message) => error.set(Some(message)),
            }
            busy.set(false);
        });
    };
    view! {
        <form on:submit=submit data-testid="sign-in">
            <label>"E-mail " <input type="email" bind:value=email required/></label>
            <label>"Password " <input type="password" bind:value=password required/></label>
            <button type="submit" disabled=move || busy.get()>"Sign in"</button>
            <p role="alert" data-testid="error">{move || error.get()}</p>
        </form>
    }
}

async fn sign_in_and_list(
    portal: &str,
    email: &str,
    password: &str,
) -> Result<Vec<String>, String> {
    let client = Client::builder(portal).build().map_err(|e| e.to_string())?;
    client
        .auth()
        .login(email, password)
        .session(true)
        .send()
        .await
        .map_err(|e| format!("The portal refused the sign-in: {e}"))?;
    docspace_sdk::login(portal, email, password)
        .await
        .map_err(|e| format!("The frames could not sign in: {e}"))?;
    let page = client
        .rooms()
        .list()
        .send()
        .await
        .map_err(|e| format!("Listing rooms failed: {e}"))?;
    Ok(page.folders.into_iter().map(|r| r.title).collect())
}

/// The rooms from REST, the room selector, and the manager on the picked room.
#[component]
fn Rooms(portal: String, titles: Vec<String>) -> impl IntoView {
    let picked = RwSignal::new(None::<Picked>);
    let on_select = move |items: Vec<Item>| {
        if let Some(item) = items.first() {
            picked.set(Some(Picked {
                id: item.id().to_string(),
                title: item.title().to_string(),
            }));
        }
    };
    let manager_portal = portal.clone();
    view! {
        <ul data-testid="rest-rooms">
            {titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
        </ul>
        <RoomSelector
            portal=portal
            config=RoomSelectorConfig::new().accept_button_label("Open")
            class="picker"
            on_select=on_select
        />
        {move || picked.get().map(|room| {
            let config = ManagerConfig::new().folder(room.id.clone());
            view! {
                <p data-testid="picked">"Picked: " {room.title.clone()}</p>
                <Manager portal=manager_portal.clone() config=config class="manager"/>
            }
        })}
    }
}

//! An empty Leptos page, built exactly as the one-frame page (`bench_embed`): what `cargo xtask
//! bench` subtracts to tell what `docspace-sdk` itself adds to a page. Nothing of docspace-sdk is
//! used, so nothing of it is linked.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"An empty Leptos page."</p> });
}

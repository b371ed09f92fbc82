//! Browser entry point: mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(docspace_embed::App);
}

// The app only runs in a browser; a native build exists so the workspace builds and lints as one.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "docspace-embed is a browser app: build it with `trunk build` or run `cargo xtask run`."
    );
}

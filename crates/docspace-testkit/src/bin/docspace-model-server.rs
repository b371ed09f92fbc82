//! The testkit's OpenAI-compatible model server as a process, for tests that cannot start it
//! in-process (the wasm tests in headless Chromium, which `cargo xtask test` runs against a
//! devportal process). Prints `model server at <url> key <key>` and serves until killed.

use docspace_testkit::model_server::{KEY, ModelServer};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let server = ModelServer::start().await;
    println!("model server at {} key {KEY}", server.url);
    // Serves until the process is killed.
    std::future::pending::<()>().await;
}

//! Reading a chat answer's stream in a test without the risk of hanging it.

use std::future::Future;
use std::time::Duration;

use docspace_api::Error;
use docspace_api::api::{ChatEvent, ChatStream};
use futures::StreamExt;

/// Fails the test instead of hanging it when something never arrives (a stream read whole would
/// never yield a token the model server holds back). Not a timing assertion: generous.
pub async fn within<T>(what: &str, f: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), f)
        .await
        .unwrap_or_else(|_| panic!("{what}: nothing after 60 s"))
}

/// The stream's next event, [`within`] the bound.
pub async fn next(s: &mut ChatStream) -> Option<Result<ChatEvent, Error>> {
    within("the next event", s.next()).await
}

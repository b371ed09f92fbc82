//! Following DocSpace's long-running file operations (archive, delete, copy, move) with progress.

use std::time::Duration;

use docspace_api::models::FileOperation;
use docspace_api::{Client, Error};

/// Give up on an operation after this long.
const LIMIT: Duration = Duration::from_secs(300);

/// Polls `op` until it ends, calling `progress` with 0.0–1.0 after each answer. A failed
/// operation is `Err` with the portal's message.
pub async fn follow(
    client: &Client,
    op: FileOperation,
    progress: impl Fn(f64),
) -> Result<FileOperation, Error> {
    let started = js_sys::Date::now();
    let mut op = op;
    let mut interval = Duration::from_millis(200);
    loop {
        progress(f64::from(op.progress.min(100)) / 100.0);
        if op.finished {
            return op.outcome();
        }
        if js_sys::Date::now() - started > LIMIT.as_millis() as f64 {
            return Err(Error::Timeout(LIMIT));
        }
        gloo_timers::future::sleep(interval).await;
        interval = (interval * 3 / 2).min(Duration::from_secs(1));
        op = client
            .operations()
            .get(&op.id)
            .await?
            .ok_or_else(|| Error::NotFound {
                message: crate::i18n::td_string!(
                    crate::locale::current(),
                    errors.operation_gone,
                    id = &op.id
                )
                .to_string(),
            })?;
    }
}

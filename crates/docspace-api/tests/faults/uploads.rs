//! A failed chunk of an upload is resent and the upload resumes.

use std::time::Duration;

use docspace_api::RetryPolicy;
use docspace_api::models::RoomType;

use super::proxy::*;

#[tokio::test]
async fn a_failed_chunk_is_resent_and_the_upload_resumes() {
    // Chunk 2 fails once with 502. A client that never retries gets the error; `run` resumes at
    // chunk 2; the stored file is byte-exact.
    let s = Setup::new(vec![]).await;
    let c = s.client(RetryPolicy::never(), Duration::from_secs(10));
    let room = c
        .rooms()
        .create("Resume", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let mut upload = c
        .uploads()
        .chunked(&room.id, "resume.zip", data.clone())
        .chunk_size(64 * 1024)
        .start()
        .await
        .expect("session");
    let chunk_path = format!(
        "POST /api/2.0/files/{}/session/{}/upload?chunkNumber=2",
        room.id,
        upload.session().id
    );
    s.proxy
        .add_faults(chunk_path.clone(), vec![Fault::Answer(502, vec![], "")]);
    let e = upload.run().await.expect_err("chunk 2 fails");
    assert_eq!(e.status(), Some(502));
    assert_eq!(upload.progress().chunks_sent, 1);
    let file = upload.run().await.expect("resumed");
    assert_eq!(upload.progress().chunks_sent, 4);
    assert_eq!(
        s.direct()
            .files()
            .download(&file.id)
            .await
            .expect("download"),
        data
    );

    // `send` resumes by itself once the client's own retries of a chunk run out.
    let s2 = Setup::new(vec![]).await;
    let c2 = s2.client(fast_retries(), Duration::from_secs(10));
    let room = c2
        .rooms()
        .create("Resume 2", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let chunks = format!("POST /api/2.0/files/{}/session/", room.id);
    let mut faults = vec![Fault::Pass, Fault::Pass];
    faults.extend(std::iter::repeat_n(Fault::Answer(503, vec![], ""), 4));
    s2.proxy.add_faults(chunks.clone(), faults);
    let file = c2
        .uploads()
        .chunked(&room.id, "auto.zip", data.clone())
        .chunk_size(64 * 1024)
        .send()
        .await
        .expect("upload");
    assert_eq!(
        s2.direct()
            .files()
            .download(&file.id)
            .await
            .expect("download"),
        data
    );
    // 4 chunks; chunk 3 took 4 tries (1 + 3 retries), then one more after the resume.
    assert_eq!(c2.metrics().retries, 3);
}

//! A tour of the client against a running portal: who am I, create a room with a folder and an
//! uploaded file, list rooms by tag, share a link, then archive and delete the room.
//!
//! Start a local portal, then run the tour with the URL and owner key it prints:
//!
//! ```text
//! cargo run -p docspace-devportal -- --memory --api-key sk-7e57000000000000000000000000000000000000000000000000000000000001
//! cargo run -p docspace-api --example rooms_tour -- http://127.0.0.1:8092 sk-7e57000000000000000000000000000000000000000000000000000000000001
//! ```
//!
//! The key may also come from the `DOCSPACE_API_KEY` environment variable (keep keys out of
//! shell history on real portals).

/// The tour is a native program; wasm builds of the examples get an empty one.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use docspace_api::models::{Color, FileShare, LinkType, RoomType};
    use docspace_api::{Client, Error};
    use futures::TryStreamExt;

    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8092".into());
    let key = args
        .next()
        .or_else(|| std::env::var("DOCSPACE_API_KEY").ok())
        .ok_or("usage: rooms_tour <portal-url> <api-key> (or set DOCSPACE_API_KEY)")?;

    let client = Client::builder(url).api_key(key).build()?;
    let me = client.people().me().await?;
    println!(
        "signed in as {} <{}>",
        me.display_name,
        me.email.as_deref().unwrap_or("?")
    );

    let room = client
        .rooms()
        .create("Tour Contracts", RoomType::Custom)
        .color(Color::from_hex("5299E0")?)
        .tags(["tour"])
        .send()
        .await?;
    println!("created room {} ({})", room.title, room.id);

    let folder = client.folders().create(&room.id, "Drafts").await?;
    let file = client
        .files()
        .upload(&folder.id, "hello.txt", b"Hello from docspace-api".to_vec())
        .send()
        .await?;
    println!(
        "uploaded {} ({} bytes)",
        file.title, file.pure_content_length
    );

    let tagged: Vec<_> = client
        .rooms()
        .list()
        .tags(["tour"])
        .stream()
        .try_collect()
        .await?;
    println!("{} room(s) tagged \"tour\"", tagged.len());

    let link = client
        .rooms()
        .create_link(&room.id, LinkType::External)
        .title("Read-only link")
        .access(FileShare::Read)
        .send()
        .await?;
    if let Some(url) = link.link().and_then(|l| l.share_link.as_deref()) {
        println!("share link: {url}");
    }

    client.rooms().archive(&room.id).wait().await?;
    client.rooms().delete(&room.id).wait().await?;
    match client.rooms().get(&room.id).await {
        Err(Error::NotFound { .. }) => println!("room deleted"),
        other => println!("unexpected: {other:?}"),
    }
    let m = client.metrics();
    println!(
        "{} requests, {} retries, {} rate-limited",
        m.requests_sent, m.retries, m.rate_limited
    );
    Ok(())
}

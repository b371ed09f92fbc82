//! AI agents, set up as a test starts from them: a provider through REST, an agent through the
//! Agents page.

use docspace_testkit::model_server::{KEY, ModelServer};

use super::*;

/// The model server as provider "Local" with both its models enabled, through REST (the UI for
/// providers is the first test's).
pub async fn api_provider(api: &docspace_api::Client, fake: &ModelServer) -> i64 {
    api.ai()
        .create_provider("Local", fake.url.clone(), KEY)
        .enable_model("model-a")
        .enable_model("model-b")
        .send()
        .await
        .expect("provider")
        .id
}

/// Creates agent `title` with the instructions `prompt` from the Agents page; returns its id
/// (from the page's address).
pub async fn create_agent(driver: &WebDriver, title: &str, prompt: &str) -> i64 {
    create_agent_with(driver, title, prompt, None).await
}

/// [`create_agent`], picking `model` from the provider's list when given.
pub async fn create_agent_with(
    driver: &WebDriver,
    title: &str,
    prompt: &str,
    model: Option<&str>,
) -> i64 {
    click(driver, "a[href='/agents']").await;
    click(driver, "[data-testid='new-agent'] button").await;
    fill(driver, "[data-testid='agent-title'] input", title).await;
    // The provider and its first model are chosen once listed.
    wait_until(
        driver,
        "const s = document.querySelector(\"[data-testid='agent-model'] select\");\
         return s && s.value === 'model-a';",
    )
    .await;
    if let Some(m) = model {
        choose(driver, "agent-model", m).await;
    }
    fill(driver, "[data-testid='agent-prompt']", prompt).await;
    click(driver, "[data-testid='new-agent-create'] button").await;
    assert_eq!(text_of(driver, "[data-testid='agent-name']").await, title);
    let url = driver.current_url().await.expect("url");
    url.path()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an agent's address: {url}"))
}

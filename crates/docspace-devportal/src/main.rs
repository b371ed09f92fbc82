//! `docspace-devportal`: run a local DocSpace-compatible portal.

use clap::Parser;
use docspace_devportal::cli::PortalArgs;

/// A local ONLYOFFICE DocSpace-compatible portal for development and tests.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(flatten)]
    portal: PortalArgs,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    docspace_devportal::cli::init_logging();
    let config = Cli::parse().portal.into_config();
    let storage = config.storage.clone();
    let portal = docspace_devportal::start(config).await?;
    println!("DocSpace devportal at {}", portal.base_url());
    println!("  data:     {storage:?}");
    println!(
        "  owner:    {} ({})",
        portal.owner.email, portal.owner.display_name
    );
    println!("  password: {}", portal.owner.password);
    println!("  API key:  {}", portal.owner.api_key);
    println!("Press Ctrl-C to stop.");
    portal.run_until_ctrl_c().await;
    Ok(())
}

//! Scale in the app: the rooms dashboard with 10,000 rooms.

use std::path::Path;

use docspace_bench::report::Report;

pub struct Dashboard;

pub async fn measure(_app: &Path, _scratch: &Path) -> anyhow::Result<Dashboard> {
    anyhow::bail!("the rooms dashboard is not on this branch yet")
}

impl Dashboard {
    pub fn add_to(self, _report: &mut Report) {}
}

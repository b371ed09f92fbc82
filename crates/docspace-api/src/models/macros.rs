//! Enum generators and wire forms, shared with every crate through `docspace-types`.

pub(crate) use docspace_types::wire::IntOrText;
pub(crate) use docspace_types::{flags, int_enum, str_enum};

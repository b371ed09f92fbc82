//! User types (`EmployeeType`).
//!
//! Sources: ONLYOFFICE/DocSpace-server `common/ASC.Core.Common/Core/EmployeeType.cs`, and the
//! Python SDK (`docspace-api-sdk` on PyPI) `docspace_api_sdk/models/employee_type.py`.

crate::str_enum! {
    /// A user's type. DocSpace sends the name; paths and queries also take the integer.
    ///
    /// In September 2024 DocSpace renamed `User`(2) to `Guest` and `Collaborator`(4) to `User`:
    /// the integers are stable, the names are not. `Collaborator` and `Visitor` are read as the
    /// current `User` and `Guest`.
    ///
    /// ```
    /// use docspace_types::EmployeeType;
    /// let t: EmployeeType = serde_json::from_str("\"Collaborator\"")?;
    /// assert_eq!(t, EmployeeType::User);
    /// assert_eq!(EmployeeType::from_value(3), EmployeeType::DocSpaceAdmin);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum EmployeeType {
        /// Any type (filters only).
        All => "All" = 0,
        /// Room admin.
        RoomAdmin => "RoomAdmin" = 1,
        /// Guest (formerly "User").
        Guest => "Guest" | "Visitor" = 2,
        /// DocSpace admin (also the owner).
        DocSpaceAdmin => "DocSpaceAdmin" = 3,
        /// User (formerly "Collaborator", UI "Power user").
        User => "User" | "Collaborator" = 4,
    }
}

impl EmployeeType {
    /// The integer DocSpace uses, for known types.
    pub fn value(&self) -> Option<i32> {
        match self {
            EmployeeType::All => Some(0),
            EmployeeType::RoomAdmin => Some(1),
            EmployeeType::Guest => Some(2),
            EmployeeType::DocSpaceAdmin => Some(3),
            EmployeeType::User => Some(4),
            EmployeeType::Unknown(_) => None,
        }
    }
}

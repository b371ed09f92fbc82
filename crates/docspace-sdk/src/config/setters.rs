//! Macros that write the builders' setters, one line per field.

/// Generates builder setters that take the value as is.
macro_rules! value_setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: $ty) -> Self {
                self.$field = value;
                self
            }
        )+
    };
}

/// Generates builder setters that convert into the field's type.
macro_rules! into_setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                self.$field = value.into();
                self
            }
        )+
    };
}

/// Generates builder setters for optional fields.
macro_rules! option_setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                self.$field = Some(value.into());
                self
            }
        )+
    };
}

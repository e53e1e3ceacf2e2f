//! Size and speed, measured by hand: `cargo test -p tacitus-store --release -- --ignored
//! --nocapture`.

//! The store end to end, on SQLite files: schema, ingest, aggregation, clusters, disputes,
//! queries, order independence, and (ignored by default) size and speed measurements.

mod clusters;
mod common;
mod disputes;
mod events;
mod ingest;
mod measure;
mod order;
mod query;
mod schema;

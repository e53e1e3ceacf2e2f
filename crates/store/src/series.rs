//! Time series of the events a filter selects: counts and Goldstein scores per day, week or
//! month, for plots and for checking a dataset against what is known to have happened.

use std::collections::BTreeMap;

use rusqlite::params_from_iter;
use tacitus_dataset::Date;

use crate::error::{Context, Result};
use crate::query::Filter;
use crate::{Store, date_of};

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// One day.
    Day,
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

/// The events of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// The period's first day.
    pub period: Date,
    /// Events dated in it.
    pub events: u64,
    /// Their reports.
    pub mentions: u64,
    /// Sum of their Goldstein scores (events without one add nothing).
    pub goldstein_sum: f64,
    /// Mean Goldstein score of the events that have one; `None` when none has.
    pub goldstein_mean: Option<f64>,
}

/// The first day of the period holding `day` (days since 1970-01-01, a Thursday).
fn period_start(day: i64, bucket: Bucket) -> rusqlite::Result<i64> {
    Ok(match bucket {
        Bucket::Day => day,
        Bucket::Week => day - (day + 3).rem_euclid(7),
        Bucket::Month => day - i64::from(date_of(day)?.day) + 1,
    })
}

/// Totals of one period while reading.
#[derive(Default)]
struct Totals {
    events: u64,
    mentions: u64,
    scored: u64,
    goldstein: f64,
}

impl Store {
    /// Events, mentions and Goldstein scores per period of the events the filter selects,
    /// periods in order (those without events left out).
    pub fn series(&self, filter: &Filter, bucket: Bucket) -> Result<Vec<SeriesPoint>> {
        let (sql, params) = filter.select("e.date, e.num_mentions, e.goldstein")?;
        let mut stmt = self.conn.prepare(&sql).ctx("querying a series")?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .ctx("querying a series")?;
        let mut periods: BTreeMap<i64, Totals> = BTreeMap::new();
        while let Some(row) = rows.next().ctx("reading a series")? {
            let day: i64 = row.get(0).ctx("reading a series")?;
            let t = periods
                .entry(period_start(day, bucket).ctx("reading a series")?)
                .or_default();
            t.events += 1;
            t.mentions += row.get::<_, i64>(1).ctx("reading a series")? as u64;
            if let Some(g) = row.get::<_, Option<f64>>(2).ctx("reading a series")? {
                t.scored += 1;
                t.goldstein += g;
            }
        }
        periods
            .into_iter()
            .map(|(day, t)| {
                Ok(SeriesPoint {
                    period: date_of(day).ctx("reading a series")?,
                    events: t.events,
                    mentions: t.mentions,
                    goldstein_sum: t.goldstein,
                    goldstein_mean: (t.scored > 0).then(|| t.goldstein / t.scored as f64),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day_of;

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        let d = |y, m, day| day_of(Date::new(y, m, day).unwrap());
        // 2024-03-07 is a Thursday; its week starts on Monday 2024-03-04.
        assert_eq!(
            period_start(d(2024, 3, 7), Bucket::Week).unwrap(),
            d(2024, 3, 4)
        );
        assert_eq!(
            period_start(d(2024, 3, 4), Bucket::Week).unwrap(),
            d(2024, 3, 4)
        );
        assert_eq!(
            period_start(d(2024, 3, 10), Bucket::Week).unwrap(),
            d(2024, 3, 4)
        );
        assert_eq!(
            period_start(d(1969, 12, 31), Bucket::Week).unwrap(),
            d(1969, 12, 29)
        );
        assert_eq!(
            period_start(d(2024, 2, 29), Bucket::Month).unwrap(),
            d(2024, 2, 1)
        );
        assert_eq!(
            period_start(d(2024, 2, 29), Bucket::Day).unwrap(),
            d(2024, 2, 29)
        );
    }
}

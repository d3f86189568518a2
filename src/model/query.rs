//! The cross views as queries over the model: everything about one
//! municipality or one priority area, across years. Each is a plain scan;
//! the model is small enough that no index is needed, and none of these
//! is called per page in a loop over pages.

use super::*;

/// A municipality's group (or own page) in one year.
#[derive(Debug, Clone, Copy)]
pub struct Membership {
    pub year: i32,
    pub group: PageId,
}

impl Site {
    /// The groups a municipality belonged to, newest year first.
    pub fn memberships(&self, m: MunicipalityId) -> Vec<Membership> {
        let mut out: Vec<Membership> = self
            .years
            .iter()
            .flat_map(|y| {
                y.groups
                    .iter()
                    .filter(move |&&g| {
                        self.group(g)
                            .is_some_and(|grp| grp.municipalities.contains(&m))
                    })
                    .map(move |&g| Membership {
                        year: y.number,
                        group: g,
                    })
            })
            .collect();
        out.sort_by_key(|ms| std::cmp::Reverse(ms.year));
        out
    }
}

impl Year {
    /// The goal of one cell.
    pub fn goal(&self, p: PriorityId, t: TargetGroupId) -> Option<&Goal> {
        self.goals
            .iter()
            .find(|g| g.priority == p && g.target_group == t)
    }
}

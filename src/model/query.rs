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

    /// Every finding under a priority area, with the page it is on, in year
    /// order.
    pub fn findings_of_priority(&self, p: PriorityId) -> Vec<(PageId, &Finding)> {
        let mut out: Vec<(PageId, &Finding)> = self
            .pages
            .iter()
            .enumerate()
            .flat_map(|(id, page)| page.findings.iter().map(move |f| (id, f)))
            .filter(|(_, f)| f.priority == p)
            .collect();
        out.sort_by_key(|&(id, _)| self.pages[id].year);
        out
    }

    /// Every goal under a priority area: (year, goal).
    pub fn goals_of_priority(&self, p: PriorityId) -> Vec<(i32, &Goal)> {
        self.years
            .iter()
            .flat_map(|y| y.goals.iter().map(move |g| (y.number, g)))
            .filter(|(_, g)| g.priority == p)
            .collect()
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

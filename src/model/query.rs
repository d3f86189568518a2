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
    pub fn memberships(&self, m: MunicipalityId) -> &[Membership] {
        self.member_of.get(m.0).map_or(&[], Vec::as_slice)
    }

    /// The page at a site-relative URL.
    pub fn page_at(&self, url: &str) -> Option<&Page> {
        self.by_url.get(url).map(|&id| &*self.pages[id])
    }
}

/// The index behind [`Site::memberships`]: one pass over every group.
pub fn member_index(municipalities: usize, years: &[Year], pages: &[Page]) -> Vec<Vec<Membership>> {
    let mut out = vec![Vec::new(); municipalities];
    for y in years {
        for &g in &y.groups {
            if let PageData::Group(group) = &pages[g].data {
                for m in &group.municipalities {
                    out[m.0].push(Membership {
                        year: y.number,
                        group: g,
                    });
                }
            }
        }
    }
    for list in &mut out {
        list.sort_by_key(|ms| std::cmp::Reverse(ms.year));
    }
    out
}

impl Year {
    /// The goal of one cell.
    pub fn goal(&self, p: PriorityId, t: TargetGroupId) -> Option<&Goal> {
        self.goals
            .iter()
            .find(|g| g.priority == p && g.target_group == t)
    }
}

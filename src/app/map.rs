//! The map's state: the country under the cursor, the view (tiles or geographic), and what
//! each country is in the network: roles built once from the data, the selected factory's
//! network, and the hosts of what the search matched.

use crate::data::{Catalog, Link, Record};
use crate::search::Match;

/// What a country is in the network: counts of each role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles {
    /// Factories hosted.
    pub hosts: u16,
    /// Factories it partners in.
    pub partners: u16,
    /// Antennas hosted.
    pub antennas: u16,
}

/// A country's place in the network of the selected factory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Net {
    /// Hosts the factory.
    Host,
    /// A partner country, or the country of an antenna linked to it.
    Member,
    #[default]
    Outside,
}

pub struct MapState {
    /// Country index under the cursor.
    cursor: usize,
    geo: bool,
    /// Roles per country index, built once.
    roles: Vec<Roles>,
    /// Per country index: its place in the network of `net_factory`.
    net: Vec<Net>,
    net_factory: Option<usize>,
    /// Per country index: hosts at least one record of the current (filtered) results.
    matched_hosts: Vec<bool>,
    /// The country the cursor last came from and the way it went, so that the opposite key
    /// goes back there.
    came_from: Option<(usize, (i32, i32))>,
    /// Host country index of each factory and antenna (`usize::MAX` if not in the table).
    factory_country: Vec<usize>,
    antenna_country: Vec<usize>,
}

fn country_index(cat: &Catalog, code: &str) -> Option<usize> {
    cat.country_index(code)
}

impl MapState {
    pub fn new(cat: &Catalog) -> MapState {
        let n = cat.countries.len();
        let mut roles = vec![Roles::default(); n];
        for f in cat.factories() {
            if let Some(i) = country_index(cat, &f.country) {
                roles[i].hosts = roles[i].hosts.saturating_add(1);
            }
            for p in &f.partners {
                if let Some(i) = country_index(cat, p) {
                    roles[i].partners = roles[i].partners.saturating_add(1);
                }
            }
        }
        for a in cat.antennas() {
            if let Some(i) = country_index(cat, &a.country) {
                roles[i].antennas = roles[i].antennas.saturating_add(1);
            }
        }
        let host = |code: &str| country_index(cat, code).unwrap_or(usize::MAX);
        let factory_country: Vec<usize> =
            cat.factories().iter().map(|f| host(&f.country)).collect();
        let antenna_country = cat.antennas().iter().map(|a| host(&a.country)).collect();
        MapState {
            cursor: factory_country
                .first()
                .copied()
                .filter(|&i| i < n)
                .unwrap_or(0),
            geo: false,
            roles,
            net: vec![Net::Outside; n],
            net_factory: None,
            matched_hosts: vec![false; n],
            came_from: None,
            factory_country,
            antenna_country,
        }
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub(super) fn set_cursor(&mut self, ci: usize) {
        if ci != self.cursor {
            self.came_from = None;
        }
        self.cursor = ci;
    }

    /// Move the cursor one step in a direction (see [`MapState::nearest_tile`]); false when
    /// no country lies that way.
    pub(super) fn step(&mut self, cat: &Catalog, dir: (i32, i32)) -> bool {
        let Some(next) = self.nearest_tile(cat, dir) else {
            return false;
        };
        let from = self.cursor;
        self.set_cursor(next);
        self.came_from = Some((from, dir));
        true
    }

    /// Whether the geographic map shows, rather than the tiles.
    pub fn geo(&self) -> bool {
        self.geo
    }

    pub(super) fn toggle_view(&mut self) {
        self.geo = !self.geo;
    }

    pub fn roles(&self) -> &[Roles] {
        &self.roles
    }

    /// Each country's place in the selected factory's network.
    pub fn net(&self) -> &[Net] {
        &self.net
    }

    pub fn matched_hosts(&self) -> &[bool] {
        &self.matched_hosts
    }

    /// Country index (in the country table) of a record's host country.
    pub fn country_of(&self, r: Record) -> usize {
        match r {
            Record::Factory(i) => self.factory_country[i],
            Record::Antenna(i) => self.antenna_country[i],
        }
    }

    /// Mark the hosts of the listed rows (none when the results are not filtered).
    pub(super) fn mark_hosts(&mut self, hits: &[Match], rows: &[usize], filtered: bool) {
        self.matched_hosts.fill(false);
        if filtered {
            for &h in rows {
                let ci = self.country_of(hits[h].record);
                if let Some(m) = self.matched_hosts.get_mut(ci) {
                    *m = true;
                }
            }
        }
    }

    /// Recompute the network if its factory changed.
    pub(super) fn show_network(&mut self, cat: &Catalog, factory: Option<usize>) {
        if factory == self.net_factory {
            return;
        }
        self.net_factory = factory;
        self.net.fill(Net::Outside);
        let Some(fi) = factory else {
            return;
        };
        let f = &cat.factories()[fi];
        let members = f
            .partners
            .iter()
            .filter_map(|p| country_index(cat, p))
            .chain(
                cat.antennas_of(&f.id)
                    .filter_map(|a| country_index(cat, &a.country)),
            );
        for i in members {
            self.net[i] = Net::Member;
        }
        // The host wins over a partner or antenna role.
        if let Some(n) = self.net.get_mut(self.factory_country[fi]) {
            *n = Net::Host;
        }
    }

    /// The nearest country tile in a direction: the country the cursor just came from when
    /// the direction is the way back; else the one with the least distance along the
    /// direction, penalising sideways offset, among those ahead within 45 degrees of it
    /// (nothing is west of Portugal, whatever lies far to the north-west).
    pub(super) fn nearest_tile(&self, cat: &Catalog, (dx, dy): (i32, i32)) -> Option<usize> {
        if let Some((from, (fx, fy))) = self.came_from
            && (fx, fy) == (-dx, -dy)
            && from < cat.countries.len()
        {
            return Some(from);
        }
        let here = cat.countries.get(self.cursor)?.tile;
        let (hx, hy) = (i32::from(here.0), i32::from(here.1));
        cat.countries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let (x, y) = (i32::from(c.tile.0) - hx, i32::from(c.tile.1) - hy);
                let ahead = x * dx + y * dy;
                let side = (x * dy - y * dx).abs();
                (ahead > 0 && side <= ahead).then_some((ahead + 2 * side, side, i))
            })
            .min()
            .map(|(_, _, i)| i)
    }
}

/// The factory whose network a record shows: the factory itself, or the first factory an
/// antenna serves.
pub fn network_factory(cat: &Catalog, r: Record) -> Option<usize> {
    match r {
        Record::Factory(i) => Some(i),
        Record::Antenna(i) => match &cat.antennas()[i].linked {
            Link::Factories(ids) => ids.first().and_then(|id| cat.factory_index(id)),
            Link::Unknown => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(cat: &Catalog, code: &str) -> usize {
        cat.country_index(code).unwrap()
    }

    #[test]
    fn nothing_lies_west_of_portugal_and_the_opposite_key_goes_back() {
        let cat = Catalog::embedded().unwrap();
        let mut m = MapState::new(&cat);
        m.set_cursor(at(&cat, "PT"));
        // Iceland is far to the north-west, not west.
        assert!(!m.step(&cat, (-1, 0)));
        assert_eq!(m.cursor(), at(&cat, "PT"));
        // From every country, each key and then its opposite come back.
        for start in 0..cat.countries.len() {
            for dir in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                m.set_cursor(start);
                if m.step(&cat, dir) {
                    assert!(m.step(&cat, (-dir.0, -dir.1)));
                    assert_eq!(
                        cat.countries[m.cursor()].code,
                        cat.countries[start].code,
                        "{dir:?} and back"
                    );
                }
            }
        }
        // Another move forgets the way back.
        m.set_cursor(at(&cat, "NO"));
        m.step(&cat, (-1, 0));
        let west_of_norway = m.cursor();
        m.step(&cat, (0, 1));
        m.step(&cat, (1, 0));
        assert_ne!(m.cursor(), west_of_norway);
    }
}

//! The outline's owner and pattern pickers: what one team owns, what nobody owns, and the flows
//! of one pattern with the systems they connect.

#![cfg(feature = "gui")]

mod ui_support;

use egui_kittest::kittest::{NodeT, Queryable};
use switchboard::model::Pattern;
use switchboard::ui::panels::outline_filter::OwnerFilter;
use ui_support::{harness, seafood, settle};

#[test]
fn owner_and_pattern_pickers_narrow_the_outline() {
    let mut harness = harness(seafood(), vec![], vec![]);
    harness.get_by_label("Systems (7)");
    harness.get_by_label("Flows (10)");

    harness.get_by_label("Owned by").click();
    settle(&mut harness);
    // The legend names the team too; the popup's entry is the one that can be clicked.
    harness
        .get_all_by_label("team-wms")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("listed in the popup")
        .click();
    settle(&mut harness);
    assert_eq!(
        harness.state().view.outline_filter.owner,
        OwnerFilter::Team("team-wms".to_owned())
    );
    // WMS, and the flows F1 and F10 its team owns.
    harness.get_by_label("Systems (1)");
    harness.get_by_label("Flows (2)");
    harness.get_by_label("F1 — ERP.stock");
    harness.get_by_label("F10 — WMS.pick_orders");

    harness.get_by_label("Owned by").click();
    settle(&mut harness);
    harness.get_by_label("no owner").click();
    settle(&mut harness);
    // Only F7 has no owner.
    harness.get_by_label("Systems (0)");
    harness.get_by_label("Flows (1)");
    harness.get_by_label("F7 — ERP.lot_status");

    harness.get_by_label("Clear").click();
    settle(&mut harness);
    harness.get_by_label("Pattern").click();
    settle(&mut harness);
    harness.get_by_label("message_queue").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().view.outline_filter.pattern,
        Some(Pattern::MessageQueue)
    );
    // F3, F6 and F10 connect ERP, DWH, MES and WMS.
    harness.get_by_label("Flows (3)");
    harness.get_by_label("Systems (4)");
    for system in ["ERP", "DWH", "MES", "WMS"] {
        assert!(
            harness
                .query_by_label_contains(&format!("{system} — "))
                .is_some(),
            "{system} listed"
        );
    }
    assert!(harness.query_by_label_contains("TMS — ").is_none());
}

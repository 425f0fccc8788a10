//! The file format: the bundled examples load, and save → load → save is byte-identical.

use switchboard::file::{
    self, SEAFOOD_EXAMPLE, from_json_str, from_ron_str, to_json_string, to_ron_string,
};

#[test]
fn seafood_example_loads_and_saves_to_identical_bytes() {
    let landscape =
        from_ron_str(SEAFOOD_EXAMPLE, "seafood.ron").expect("the bundled example loads");
    assert_eq!(landscape.systems.len(), 7);
    assert_eq!(landscape.flows.len(), 10);
    assert_eq!(to_ron_string(&landscape).expect("encodes"), SEAFOOD_EXAMPLE);
}

#[test]
fn json_conversion_is_lossless() {
    for path in ["examples/seafood.ron", "examples/crm-erp-marketing.ron"] {
        let original = std::fs::read_to_string(path).expect("example exists");
        let landscape = from_ron_str(&original, path).expect("loads");
        let json = to_json_string(&landscape).expect("encodes json");
        let back = from_json_str(&json, "converted.json").expect("json loads");
        assert_eq!(back, landscape);
        assert_eq!(
            to_ron_string(&back).expect("encodes ron"),
            original,
            "{path}"
        );
    }
}

#[test]
fn seafood_example_decodes_through_the_public_helper() {
    let landscape = file::seafood_example().expect("loads");
    assert_eq!(landscape.scenarios.len(), 2);
    assert_eq!(landscape.scenarios[0].controls.len(), 10);
}

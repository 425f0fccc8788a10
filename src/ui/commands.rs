//! Every user action as one enum: menus, toolbar, shortcuts, the canvas and the panels push
//! `Command`s; the app runs them after drawing (see `app/mod.rs`). A leaf of `ui`: it names
//! only `edit`, `export`, `model` and the theme choices, so every panel can push commands
//! without importing the app.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::edit::Target as Item;
use crate::export::target::ExportTarget;
use crate::model::Position;

use crate::ui::theme::{ColourMode, ThemeChoice};

/// A panel of the window that can be shown or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Outline,
    Findings,
    Inspector,
    Simulation,
}

/// One user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start a new, empty landscape.
    New,
    /// Pick a file to open.
    Open,
    /// Open the bundled seafood example.
    OpenExample,
    /// Open this file.
    OpenPath(PathBuf),
    /// Save to the current file, or ask for one.
    Save,
    /// Ask for a file and save to it.
    SaveAs,
    /// Save to this file (it becomes the document's file).
    SaveTo(PathBuf),
    /// Close the window.
    Quit,
    /// Run the command without asking about unsaved changes (the user chose "Discard").
    Discarding(Box<Command>),
    /// Save (asking for a file when there is none), then run the command if it was saved.
    SaveThen(Box<Command>),
    Undo,
    Redo,
    /// Delete the selection (asks first when systems with flows are selected).
    DeleteSelection,
    /// Delete the listed items without asking.
    DeleteItems(Vec<Item>),
    /// Focus the name field of the selected item (F2).
    Rename,
    /// Fit the landscape into the canvas (F).
    Fit,
    /// Show the keyboard shortcuts (F1).
    ShowShortcuts,
    /// Show Help ▸ About.
    ShowAbout,
    /// Show or hide the metrics window.
    ToggleMetrics,
    /// Show or hide a panel.
    TogglePanel(PanelKind),
    /// Close the topmost small window (Escape).
    CloseTopWindow,
    /// Copy the selected systems and processes (Ctrl+C).
    Copy,
    /// Paste the copied items with fresh ids (Ctrl+V).
    Paste,
    /// Copy and paste the selection in one step (Ctrl+D).
    Duplicate,
    /// Add a new team, contract or business process and select it (Insert menu).
    Create(crate::edit::NewItem),
    /// Nudge, align or distribute the selected systems and processes.
    Arrange(crate::edit::Arrangement),
    /// Lay out the unpinned nodes left to right along the data flow.
    AutoLayout,
    SelectAll,
    /// Focus the outline filter (Ctrl+F).
    Find,
    /// Add a system, at this canvas position or near the view's centre.
    AddSystem(Option<Position>),
    /// Add a flow from one system to another with new datasets at both ends.
    Connect {
        from: String,
        to: String,
    },
    /// Move systems and processes to new positions as one step (the end of a drag).
    MoveNodes(Vec<(Item, Position)>),
    /// Apply edits as one undo step, then select `select`.
    Apply {
        edits: Vec<Edit>,
        description: String,
        /// Typing into one field merges its edits into one step.
        merge_key: Option<String>,
        select: Option<Item>,
    },
    SetTheme(ThemeChoice),
    ColourBy(ColourMode),
    /// Route the selected flows (every eligible flow when none is selected) through the hub.
    RouteThroughHub,
    /// Open the export dialog for this target (File ▸ Export ▸ …).
    Export(ExportTarget),
    /// Export again with the last target and options (Ctrl+E).
    ExportAgain,
    /// Ask for a folder and write the export dialog's files below it (asks before replacing).
    WriteExport,
    /// Write the export dialog's files below this chosen folder (asks before replacing).
    WriteExportInto(PathBuf),
    /// Write the export dialog's files below this folder, replacing existing files.
    WriteExportTo(PathBuf),
    /// Close the export dialog without writing.
    CloseExport,
    /// Pick a Mermaid flowchart and import it (File ▸ Import Mermaid…).
    ImportMermaid,
    /// Import this Mermaid flowchart.
    ImportMermaidFrom(PathBuf),
    /// Open the landscape of the import report as a new, unsaved document.
    OpenImported,
    /// Close the import report.
    CloseImportReport,
    /// Select one item and centre the canvas on it.
    SelectItem(Item),
    /// Replace the document with the autosaved one offered at start.
    RecoverAutosave,
    /// Drop the autosaved document offered at start.
    DiscardAutosave,
    /// Recover the work of an orphaned autosave file (File ▸ Recover) as an unsaved document.
    RecoverOrphan(PathBuf),
    /// View ▸ Lineage: the lineage window on the selection.
    ShowLineage,
}

impl Command {
    /// A single edit as a command with its own description.
    pub fn edit(edit: Edit) -> Self {
        let description = edit.description();
        Self::Apply {
            edits: vec![edit],
            description,
            merge_key: None,
            select: None,
        }
    }

    /// Whether the command replaces the document (and so needs the unsaved-changes prompt).
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Open
                | Self::OpenExample
                | Self::OpenPath(_)
                | Self::OpenImported
                | Self::RecoverOrphan(_)
                | Self::Quit
        )
    }
}

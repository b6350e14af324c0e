// Runs extensions/redheat-check.js under Node with a stand-in for Tiled's scripting API (the parts the
// extension uses, as Tiled 1.8 has them: no tiled.warning), saves one map, activates every issue, and
// prints what Tiled would have shown as JSON.
//   node tiled_extension_harness.js EXTENSION MAP OBJECT_IDS PROGRAM [ARG ...]
// PROGRAM [ARG ...] is what runs when the extension starts "redheat" (e.g. python main.py).
"use strict";
const fs = require("fs");
const path = require("path");
const cp = require("child_process");

const [extension, mapFile, idsText, ...program] = process.argv.slice(2);
const issues = [];
const handlers = [];
let centered = null;

const objects = idsText.split(",").filter(Boolean).map((id) => ({ id: Number(id), x: 10, y: 20, width: 0, height: 0 }));
const mapProperties = { title: "HOTEL" };
const map = {
    isTileMap: true,
    fileName: mapFile,
    layerCount: 1,
    layerAt: () => ({ isObjectLayer: true, isGroupLayer: false, objects }),
    selectedObjects: [],
    properties: () => Object.assign({}, mapProperties),
    setProperty: (name, value) => { mapProperties[name] = value; },
};
const actions = {};

global.FileInfo = {
    path: (p) => path.dirname(p),
    joinPaths: (...parts) => path.join(...parts),
    fileName: (p) => path.basename(p),
};
global.File = { exists: (p) => fs.existsSync(p) };
global.TextFile = function (p) { this.text = fs.readFileSync(p, "utf8"); };
global.TextFile.ReadOnly = 0;
global.TextFile.prototype.readAll = function () { return this.text; };
global.TextFile.prototype.close = function () {};
global.Process = function () { this.workingDirectory = "."; this.out = ""; this.err = ""; };
global.Process.prototype.exec = function (name, args) {
    if (name !== "redheat") return -1;
    const run = cp.spawnSync(program[0], [...program.slice(1), ...args], { cwd: this.workingDirectory, encoding: "utf8" });
    if (run.error) return -1;   // Tiled's Process.exec gives -1 when the program cannot be started
    this.out = run.stdout; this.err = run.stderr;
    return run.status;
};
global.Process.prototype.readStdOut = function () { return this.out; };
global.Process.prototype.readStdErr = function () { return this.err; };
global.tiled = {
    assetSaved: { connect: (f) => handlers.push(f) },
    error: (text, activated) => issues.push({ text, activated }),
    log: () => {},
    open: () => map,
    activeAsset: null,
    alert: (text) => issues.push({ text: "alert: " + text }),
    registerAction: (id, run) => { actions[id] = run; return {}; },
    extendMenu: () => {},
    propertyValue: (type, value) => ({ propertyType: type, value }),
    mapEditor: { currentMapView: { centerOn: (x, y) => { centered = [x, y]; } } },
};

eval(fs.readFileSync(extension, "utf8"));
if (process.env.HARNESS_ACTION) {   // run a menu action on the open map instead of saving it
    global.tiled.activeAsset = map;
    actions[process.env.HARNESS_ACTION]();
    process.stdout.write(JSON.stringify({ properties: mapProperties, issues: issues.map((i) => i.text) }));
    process.exit(0);
}
handlers.forEach((h) => h(map));
const shown = issues.map((i) => {
    map.selectedObjects = [];
    if (i.activated) i.activated();
    return { text: i.text, selected: map.selectedObjects.map((o) => o.id) };
});
process.stdout.write(JSON.stringify({ issues: shown, centered, active: global.tiled.activeAsset === map }));

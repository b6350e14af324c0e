/*
 * Red Heat: check the level every time it is saved, and list each problem in Tiled's Issues view.
 *
 * Tiled loads this file from the project's extensions folder (redheat.tiled-project names it). On every
 * save of a map inside the Red Heat project it runs `redheat check --json MAP` (the installed entry point,
 * the same one the F5/F6 commands use) in the project folder and turns each problem into an issue; double
 * clicking an issue that names an object opens the map and selects that object. Works with Tiled 1.8 and
 * newer (1.8 has no tiled.warning, so warnings are issues marked "warning").
 *
 * It also adds two menu entries for what Tiled 1.8 cannot do through classes: Map > "Red Heat: Add Level
 * Properties" gives the map every Level member (from redheat.tiled-project) with its type and default,
 * and Layer > "Red Heat: Draw Layer Over the Fighters" sets the current tile layer's foreground = true.
 */
(function () {
    "use strict";

    var PROJECT_FILE = "redheat.tiled-project";
    var INSTALL_HELP = "Red Heat is not installed for the programs Tiled can start: in the project folder run " +
        "'python3 -m pip install -e .' (the Python that has pygame-ce and pytmx), then restart Tiled";

    function projectFolder(fileName) {
        var dir = FileInfo.path(fileName);
        for (var i = 0; i < 32 && dir; i++) {
            if (File.exists(FileInfo.joinPaths(dir, PROJECT_FILE)))
                return dir;
            var up = FileInfo.path(dir);
            if (up === dir)
                break;
            dir = up;
        }
        return null;
    }

    function findObject(layerParent, id) {
        for (var i = 0; i < layerParent.layerCount; i++) {
            var layer = layerParent.layerAt(i);
            if (layer.isObjectLayer) {
                var objects = layer.objects;
                for (var j = 0; j < objects.length; j++)
                    if (objects[j].id === id)
                        return objects[j];
            } else if (layer.isGroupLayer) {
                var found = findObject(layer, id);
                if (found)
                    return found;
            }
        }
        return null;
    }

    function selector(mapFile, objectId) {
        return function () {
            var map = tiled.open(mapFile);
            if (!map || !map.isTileMap)
                return;
            tiled.activeAsset = map;
            if (objectId === null || objectId === undefined)
                return;
            var obj = findObject(map, objectId);
            if (!obj)
                return;
            map.selectedObjects = [obj];
            var editor = tiled.mapEditor;   // bring it into view as well
            if (editor && editor.currentMapView && typeof editor.currentMapView.centerOn === "function")
                editor.currentMapView.centerOn(obj.x + obj.width / 2, obj.y + obj.height / 2);
        };
    }

    function report(problem, mapFile) {
        var text = "Red Heat: " + problem.text;
        var activated = selector(mapFile, problem.object);
        if (problem.severity === "error")
            tiled.error(text, activated);
        else if (typeof tiled.warning === "function")
            tiled.warning(text, activated);
        else
            tiled.error("warning (the level still plays): " + problem.text, activated);
    }

    function check(mapFile) {
        var folder = projectFolder(mapFile);
        if (!folder)
            return;   // not a Red Heat map (Tiled's examples, other projects)
        var process = new Process();
        process.workingDirectory = folder;
        var code = process.exec("redheat", ["check", "--json", mapFile], false);
        var out = process.readStdOut();
        var err = process.readStdErr();
        if (code < 0) {   // the program could not be started at all
            tiled.error("Red Heat: could not run 'redheat check'. " + INSTALL_HELP);
            return;
        }
        var result;
        try {
            result = JSON.parse(out);
        } catch (e) {
            var why = (err || out || "").trim().split("\n").pop();
            tiled.error("Red Heat: 'redheat check' failed (exit code " + code + "): " + why +
                        (why.indexOf("install") >= 0 ? "" : ". " + INSTALL_HELP));
            return;
        }
        var problems = 0;
        result.levels.forEach(function (level) {
            (level.problems || []).forEach(function (p) {
                report(p, mapFile);
                problems++;
            });
        });
        tiled.log("Red Heat check: " + (result.ok ? "OK" : "has errors") + ", " + problems +
                  " problem(s) listed in Issues (" + FileInfo.fileName(mapFile) + ")");
    }

    // -- Tiled 1.8 has no map or layer classes: fill in the Level members, typed, with their defaults --
    function levelMembers(mapFile) {
        var folder = projectFolder(mapFile);
        if (!folder)
            return null;
        var file = new TextFile(FileInfo.joinPaths(folder, PROJECT_FILE), TextFile.ReadOnly);
        var project = JSON.parse(file.readAll());
        file.close();
        var types = project.propertyTypes || [];
        for (var i = 0; i < types.length; i++)
            if (types[i].type === "class" && types[i].name === "Level")
                return types[i].members || [];
        return null;
    }

    function typedValue(member) {
        if (member.propertyType && typeof tiled.propertyValue === "function")
            return tiled.propertyValue(member.propertyType, member.value);   // shows the enum's drop-down
        return member.value;
    }

    function addLevelProperties() {
        var map = tiled.activeAsset;
        if (!map || !map.isTileMap) {
            tiled.alert("Open a Red Heat level first.");
            return;
        }
        var members = levelMembers(map.fileName);
        if (!members) {
            tiled.alert("This map is not in the Red Heat project (no " + PROJECT_FILE + " above it); " +
                        "save it under levels/ first.");
            return;
        }
        var have = map.properties();
        var added = [];
        members.forEach(function (m) {
            if (!(m.name in have)) {
                map.setProperty(m.name, typedValue(m));
                added.push(m.name);
            }
        });
        tiled.log("Red Heat: " + (added.length ? "added the map properties " + added.join(", ") +
                  " with their defaults" : "the map has every Level property already"));
    }

    function markForeground() {
        var map = tiled.activeAsset;
        if (map && map.isTileMap && map.currentLayer && map.currentLayer.isTileLayer)
            map.currentLayer.setProperty("foreground", true);
    }

    var fill = tiled.registerAction("RedHeatLevelProperties", addLevelProperties);
    fill.text = "Red Heat: Add Level Properties";
    var front = tiled.registerAction("RedHeatForegroundLayer", markForeground);
    front.text = "Red Heat: Draw Layer Over the Fighters";
    tiled.extendMenu("Map", [{ separator: true }, { action: "RedHeatLevelProperties" }]);
    tiled.extendMenu("Layer", [{ separator: true }, { action: "RedHeatForegroundLayer" }]);

    tiled.assetSaved.connect(function (asset) {
        if (asset && asset.isTileMap && asset.fileName)
            check(asset.fileName);
    });
})();

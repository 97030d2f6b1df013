"use strict";
function demoWidgetRuleToHclTerraform(struct) {
    const attrs = {
        action: {
            value: cdktn.stringToHclTerraform(struct.action),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
        rule: {
            value: cdktn.listMapperHcl(demoWidgetRuleToHclTerraform, false)(struct.rule),
            isBlock: true,
            type: "list",
            storageClassType: "DemoWidgetRuleList",
        },
    };
    return attrs;
}
class DemoWidgetRuleOutputReference extends cdktn.ComplexObject {
    // action - computed: false, optional: false, required: true
    _action;
    get action() {
        return this.getStringAttribute('action');
    }
    // hits - computed: true, optional: false, required: false
    get hits() {
        return this.getNumberAttribute('hits');
    }
    // rule - computed: false, optional: true, required: false
    _rule = new DemoWidgetRuleList(this, "rule", false);
    get rule() {
        return this._rule;
    }
}
class DemoWidgetRuleList extends cdktn.ComplexList {
}
function demoWidgetLimitsToHclTerraform(struct) {
    const attrs = {
        max: {
            value: cdktn.numberToHclTerraform(struct.max),
            isBlock: false,
            type: "simple",
            storageClassType: "number",
        },
    };
    return attrs;
}
class DemoWidgetLimitsOutputReference extends cdktn.ComplexObject {
    // max - computed: false, optional: true, required: false
    _max;
    get max() {
        return this.getNumberAttribute('max');
    }
}
function demoWidgetSettingsToHclTerraform(struct) {
    const attrs = {
        mode: {
            value: cdktn.stringToHclTerraform(struct.mode),
            isBlock: false,
            type: "simple",
            storageClassType: "string",
        },
    };
    return attrs;
}
class DemoWidgetSettingsOutputReference extends cdktn.ComplexObject {
    // mode - computed: false, optional: true, required: false
    _mode;
    get mode() {
        return this.getStringAttribute('mode');
    }
}

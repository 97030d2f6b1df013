"use strict";
// Hand-written fixture in the shape of cdktn's generated bindings.
const structs0_1 = require("./index-structs/structs0");
class DemoWidget extends cdktn.TerraformResource {
    static tfResourceType = "aws_demo_widget";
    // arn - computed: true, optional: false, required: false
    get arn() {
        return this.getStringAttribute('arn');
    }
    // endpoints - computed: true, optional: false, required: false
    get endpoints() {
        return cdktn.Fn.tolist(this.getListAttribute('endpoints'));
    }
    // name - computed: false, optional: false, required: true
    _name;
    get name() {
        return this.getStringAttribute('name');
    }
    // size - computed: true, optional: true, required: false
    _size;
    get size() {
        return this.getNumberAttribute('size');
    }
    // zones - computed: false, optional: true, required: false
    _zones;
    get zones() {
        return cdktn.Fn.tolist(this.getListAttribute('zones'));
    }
    // tags - computed: false, optional: true, required: false
    _tags;
    get tags() {
        return this.getStringMapAttribute('tags');
    }
    // rule - computed: false, optional: false, required: true
    _rule = new structs0_1.DemoWidgetRuleList(this, "rule", true);
    get rule() {
        return this._rule;
    }
    // limits - computed: false, optional: true, required: false
    _limits = new structs0_1.DemoWidgetLimitsOutputReference(this, "limits");
    get limits() {
        return this._limits;
    }
    // settings - computed: true, optional: true, required: false
    _settings = new structs0_1.DemoWidgetSettingsOutputReference(this, "settings");
    get settings() {
        return this._settings;
    }
    // definition - computed: false, optional: true, required: false
    _definition;
    get definition() {
        return this.interpolationForAttribute('definition');
    }
    synthesizeHclAttributes() {
        const attrs = {
            name: {
                value: cdktn.stringToHclTerraform(this._name),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
            size: {
                value: cdktn.numberToHclTerraform(this._size),
                isBlock: false,
                type: "simple",
                storageClassType: "number",
            },
            zones: {
                value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._zones),
                isBlock: false,
                type: "set",
                storageClassType: "stringList",
            },
            tags: {
                value: cdktn.hashMapperHcl(cdktn.stringToHclTerraform)(this._tags),
                isBlock: false,
                type: "map",
                storageClassType: "stringMap",
            },
            rule: {
                value: cdktn.listMapperHcl(demoWidgetRuleToHclTerraform, true)(this._rule.internalValue),
                isBlock: true,
                type: "set",
                storageClassType: "DemoWidgetRuleList",
            },
            limits: {
                value: demoWidgetLimitsToHclTerraform(this._limits.internalValue),
                isBlock: true,
                type: "list",
                storageClassType: "DemoWidgetLimitsList",
            },
            settings: {
                value: demoWidgetSettingsToHclTerraform(this._settings.internalValue),
                isBlock: true,
                type: "struct",
                storageClassType: "DemoWidgetSettings",
            },
            definition: {
                value: cdktn.anyToHclTerraform(this._definition),
                isBlock: false,
                type: "simple",
                storageClassType: "any",
            },
        };
        return attrs;
    }
}
exports.DemoWidget = DemoWidget;

"use strict";
class DataDemoWidget extends cdktn.TerraformDataSource {
    static tfResourceType = "aws_demo_widget";
    // name - computed: false, optional: false, required: true
    _name;
    get name() {
        return this.getStringAttribute('name');
    }
    // labels - computed: true, optional: false, required: false
    _labels = new cdktn.StringMap(this, "labels");
    get labels() {
        return this._labels;
    }
    synthesizeHclAttributes() {
        const attrs = {
            name: {
                value: cdktn.stringToHclTerraform(this._name),
                isBlock: false,
                type: "simple",
                storageClassType: "string",
            },
        };
        return attrs;
    }
}

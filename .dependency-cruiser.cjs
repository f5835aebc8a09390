/** Module boundaries: see DESIGN.md, "Rules of the house". */
module.exports = {
  forbidden: [
    {
      name: "module-through-index",
      comment:
        "A module is used by others only through its index.ts (a table may name another's table for a foreign key).",
      severity: "error",
      from: { path: "^server/src/modules/([^/]+)/" },
      to: {
        path: "^server/src/modules/([^/]+)/(?!index\\.ts$)",
        pathNot: ["^server/src/modules/$1/", "^server/src/modules/[^/]+/[^/]+\\.tables\\.ts$"],
      },
    },
    {
      name: "foreign-tables-only-for-keys",
      comment: "Only a *.tables.ts file may name another module's table, and only to declare a foreign key.",
      severity: "error",
      from: { path: "^server/src/modules/([^/]+)/", pathNot: "\\.tables\\.ts$" },
      to: { path: "^server/src/modules/[^/]+/[^/]+\\.tables\\.ts$", pathNot: "^server/src/modules/$1/" },
    },
    {
      name: "platform-has-no-domain",
      comment: "platform/ knows no domain module.",
      severity: "error",
      from: { path: "^server/src/platform/" },
      to: { path: "^server/src/(modules|seed|cli)/" },
    },
    {
      name: "common-is-pure",
      comment: "common/ is shared with the browser: no Node built-ins, no server or web code.",
      severity: "error",
      from: { path: "^common/src/" },
      to: {
        path: "^(server|web)/|^node:|^(fs|path|os|crypto|child_process|net|http)$",
        dependencyTypes: ["local", "core", "npm"],
      },
    },
    {
      name: "web-not-server",
      comment: "The web app talks to the server over HTTP only.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^server/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    exclude: { path: "\\.test\\.ts$" },
  },
};

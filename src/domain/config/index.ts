export type { PackageIndex, ReleaseConfig, RollbackAction, SmokeCommand, SmokeScriptConfig } from './release-config';
export { PACKAGE_INDEXES } from './release-config';
export { DEFAULT_CONFIG, DEFAULT_SMOKE_SCRIPT } from './default-config';
export { ConfigError, formatKeyPath, type ConfigErrorCode } from './config-error';
export { CONFIG_KEYS, validateConfig, type ConfigValidation } from './validate-config';
export { loadConfig } from './load-config';
export { renderConfigTable } from './render-config-table';
export { smokeSettingsFor } from './smoke-settings-for';
export { scanTomlKeyLines, type KeySegment, type TomlKeyLines } from './toml-key-lines';

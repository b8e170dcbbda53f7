export * from './errors.js';
export * from './auth.js';
export * from './audit.js';
export * from './findings.js';
export * from './scans.js';
export * from './accounts.js';
export * from './live.js';
export * from './catalogue.js';

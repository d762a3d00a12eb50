export * from './suppression';
export * from './pooling';

export * from './stats';
export * from './suppression';
export * from './pooling';

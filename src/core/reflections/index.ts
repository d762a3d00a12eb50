export { myReflectionsOf, type MyReflection } from './my-reflections';

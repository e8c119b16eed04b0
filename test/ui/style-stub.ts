// CSS imports have no meaning in jsdom; components are tested by what they render.
export default {}

<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="tiles" tilewidth="16" tileheight="16" tilecount="4"
 columns="2">
 <image source="missing.png" width="32" height="32"/>
 <tile id="0"><properties><property name="name" value="floor"/></properties></tile>
 <tile id="1"><properties><property name="name" value="wall"/>
  <property name="solid" type="bool" value="true"/></properties></tile>
 <tile id="2"><properties><property name="name" value="column"/></properties></tile>
 <tile id="3"><properties><property name="name" value="crate"/>
  <property name="solid" type="bool" value="true"/></properties></tile>
</tileset>

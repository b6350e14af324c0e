<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="chase_road" tilewidth="16" tileheight="16" tilecount="32" columns="8">
 <image source="chase_road.png" width="128" height="64"/>
 <tile id="0">
  <properties>
   <property name="name" value="city_wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="city_window"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="city_neon"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="city_roofs"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="city_shop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="city_awning"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="city_lamp"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="city_sky"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="road_far_kerb"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="road_lane"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="road_lane_b"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="road_lane_line"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="road_lane_c"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="road_lane_d"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="road_lane_line_gap"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="road_lane_line_2"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="rail_crossing"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="rail_crossing_1"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="rail_crossing_2"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="rail_crossing_3"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="rail_crossing_4"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="rail_crossing_5"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="road_near_kerb"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="road_near_kerb_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="road_wet_0"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="road_wet_1"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="road_wet_2"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="road_wet_3"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="road_wet_4"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="road_wet_5"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="road_wet_6"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="road_wet_7"/>
   <property name="solid" type="bool" value="false"/>
  </properties>
 </tile>
</tileset>
